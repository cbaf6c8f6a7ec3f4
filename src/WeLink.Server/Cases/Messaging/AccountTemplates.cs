using Dapper;
using WeLink.Server.Coordination;
using WeLink.Server.Data;
using WeLink.Wechat.MiniProgram;
using WeLink.Wechat.MiniProgram.Models;
using WeLink.Wechat.OfficialAccount;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The <c>account_templates</c> table: each official account's own id for a library template (<c>api_add_template</c>),
/// and each mini program's own id for a subscribe title (<c>wxaapi/newtmpl/addtemplate</c>). The first message (or the
/// first page asking for the ids) adds the template under a cluster-wide lock, so concurrent first asks add it once; an
/// id WeChat no longer knows (someone deleted the template) is forgotten and added again.
/// </summary>
public sealed partial class AccountTemplates(
    IDbConnectionFactory connections,
    OfficialAccountClient accounts,
    MiniProgramClient miniPrograms,
    IDistributedLockProvider locks,
    TimeProvider time,
    ILogger<AccountTemplates> logger)
{
    private static readonly TimeSpan AddLease = TimeSpan.FromSeconds(30);

    /// <summary>The official account's id for the library template with these keywords (by name, in order).</summary>
    public Task<string> IdAsync(string appId, string libraryId, IReadOnlyList<string> keywordNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keywordNames);
        return IdAsync(
            appId,
            libraryId,
            string.Join('|', keywordNames),
            async ct => (await accounts.AddTemplateAsync(appId, new TemplateAddRequest { TemplateIdShort = libraryId, KeywordNameList = keywordNames }, ct)).TemplateId,
            cancellationToken);
    }

    /// <summary>The mini program's id (priTmplId) for the subscribe title with these keywords (by kid, in order).</summary>
    public Task<string> SubscribeIdAsync(string appId, SubscribeTemplateOptions template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var kids = template.Kids;
        return IdAsync(
            appId,
            template.Tid,
            "kid:" + string.Join('|', kids),
            async ct => (await miniPrograms.AddSubscribeTemplateAsync(
                appId, new NewtmplAddtemplateRequest { Tid = template.Tid, KidList = kids, SceneDesc = template.SceneDesc }, ct)).PriTmplId,
            cancellationToken);
    }

    /// <summary>Drops an id WeChat refused as unknown, so the next message adds the template again.</summary>
    /// <summary>True when WeLink added the template to the account or mini program (and has not forgotten it).</summary>
    public async Task<bool> IsOwnAsync(string appId, string templateId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT COUNT(*) FROM account_templates WHERE app_id = @appId AND template_id = @templateId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { appId, templateId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task ForgetAsync(string appId, string templateId, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM account_templates WHERE app_id = @appId AND template_id = @templateId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { appId, templateId }, cancellationToken: cancellationToken));
    }

    private async Task<string> IdAsync(string appId, string libraryId, string keywords, Func<CancellationToken, Task<string>> add, CancellationToken cancellationToken)
    {
        if (await FindAsync(appId, libraryId, keywords, cancellationToken) is { } known)
        {
            return known;
        }

        await using var held = await locks.TryAcquireAsync($"account-template:{appId}:{libraryId}:{keywords}", AddLease, AddLease, cancellationToken)
            ?? throw new InvalidOperationException("Another node is adding this template to the account; the message waits for it.");
        if (await FindAsync(appId, libraryId, keywords, cancellationToken) is { } addedMeanwhile)
        {
            return addedMeanwhile;
        }

        var templateId = await add(cancellationToken);
        const string sql = """
            INSERT INTO account_templates (app_id, library_id, keywords, template_id, added_at)
            VALUES (@appId, @libraryId, @keywords, @templateId, @addedAt)
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql, new { appId, libraryId, keywords, templateId, addedAt = time.GetUtcNow() }, cancellationToken: cancellationToken));
        LogAdded(appId, libraryId);
        return templateId;
    }

    private async Task<string?> FindAsync(string appId, string libraryId, string keywords, CancellationToken cancellationToken)
    {
        const string sql = "SELECT template_id FROM account_templates WHERE app_id = @appId AND library_id = @libraryId AND keywords = @keywords";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(sql, new { appId, libraryId, keywords }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added library template {LibraryId} to account {AppId}")]
    private partial void LogAdded(string appId, string libraryId);
}
