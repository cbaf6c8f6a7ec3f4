using System.Collections.Concurrent;
using Dapper;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Data;
using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Conversations.Keywords;

/// <summary>
/// The <c>brand_keyword_replies</c> table. Every consumer's text asks for its brand's list, so each node keeps the list a
/// minute (<see cref="CacheFor"/>) and drops its copy when it saves; another node's portal change is seen within the minute.
/// </summary>
public sealed class KeywordReplyStore(IDbConnectionFactory connections, IBrandMiniPrograms miniPrograms, TimeProvider time) : IKeywordReplies
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Until, IReadOnlyList<KeywordReply> Replies)> _cache = new();

    /// <summary>The brand's replies as the consumer path reads them: from this node's copy while it is fresh.</summary>
    public async Task<IReadOnlyList<KeywordReply>> CachedAsync(Guid brandId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(brandId, out var cached) && cached.Until > now)
        {
            return cached.Replies;
        }

        var replies = await ListAsync(brandId, cancellationToken);
        _cache[brandId] = (now + CacheFor, replies);
        return replies;
    }

    public async Task<IReadOnlyList<KeywordReply>> ListAsync(Guid brandId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, brand_id AS BrandId, keyword AS Keyword, reply_kind AS Kind, reply_text AS Text, page_title AS PageTitle,
                page_path AS PagePath, updated_at AS UpdatedAt
            FROM brand_keyword_replies WHERE brand_id = @brandId ORDER BY updated_at, keyword
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { brandId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new KeywordReply(r.Id, r.BrandId, r.Keyword, r.Kind, r.Text, r.PageTitle, r.PagePath, r.UpdatedAt))];
    }

    public async Task<KeywordReplySave> SaveAsync(Guid brandId, Guid? id, KeywordReplyInput input, CancellationToken cancellationToken)
    {
        var existing = await ListAsync(brandId, cancellationToken);
        if (id is { } known && existing.All(r => r.Id != known))
        {
            return new KeywordReplySave.NotFound();
        }

        var miniProgram = input.Kind == KeywordReplyKinds.Page ? await miniPrograms.FindOfBrandAsync(brandId, cancellationToken) : null;
        var (clean, errors) = KeywordReplyRules.Check(input, [.. existing.Where(r => r.Id != id)], miniProgram);
        if (errors.Count > 0)
        {
            return new KeywordReplySave.Invalid(errors);
        }

        var reply = new KeywordReply(id ?? Guid.NewGuid(), brandId, clean.Keyword!, clean.Kind!, clean.Text, clean.PageTitle, clean.PagePath, time.GetUtcNow());
        try
        {
            await WriteAsync(reply, id is null, cancellationToken);
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another admin saved the same keyword a moment ago.
            return new KeywordReplySave.Invalid(new Dictionary<string, string> { ["keyword"] = $"关键词“{reply.Keyword}”已经设置过回复，请修改原来那条。" });
        }

        _cache.TryRemove(brandId, out _);
        return new KeywordReplySave.Saved(reply);
    }

    public async Task<bool> RemoveAsync(Guid brandId, Guid id, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM brand_keyword_replies WHERE id = @id AND brand_id = @brandId";
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition(sql, new { id, brandId }, cancellationToken: cancellationToken)) == 1;
        _cache.TryRemove(brandId, out _);
        return removed;
    }

    private async Task WriteAsync(KeywordReply reply, bool adding, CancellationToken cancellationToken)
    {
        const string insert = """
            INSERT INTO brand_keyword_replies (id, brand_id, keyword, reply_kind, reply_text, page_title, page_path, updated_at)
            VALUES (@Id, @BrandId, @Keyword, @Kind, @Text, @PageTitle, @PagePath, @UpdatedAt)
            """;
        const string update = """
            UPDATE brand_keyword_replies
            SET keyword = @Keyword, reply_kind = @Kind, reply_text = @Text, page_title = @PageTitle, page_path = @PagePath, updated_at = @UpdatedAt
            WHERE id = @Id AND brand_id = @BrandId
            """;
        await using var connection = await connections.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(adding ? insert : update, reply, cancellationToken: cancellationToken));
    }

    private sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid BrandId { get; init; }

        public required string Keyword { get; init; }

        public required string Kind { get; init; }

        public string? Text { get; init; }

        public string? PageTitle { get; init; }

        public string? PagePath { get; init; }

        public required DateTimeOffset UpdatedAt { get; init; }
    }
}
