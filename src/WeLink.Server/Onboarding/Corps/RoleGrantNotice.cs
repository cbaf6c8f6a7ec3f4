using Dapper;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Wechat.Http;
using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// Tells a staff member in WeCom that work which waited for their new role is now theirs. The role change itself stands
/// whether or not WeCom takes the message: the cases are in their inbox either way.
/// </summary>
public sealed partial class RoleGrantNotice(IDbConnectionFactory connections, CorpClient corps, ILogger<RoleGrantNotice> logger)
{
    public static string Text(IReadOnlyList<string> roles, int handedOver)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = string.Join("、", roles.Select(StaffRoles.LabelOf));
        return $"您已获得角色：{names}。此前等待该角色处理的 {handedOver} 件工作已转交给您，请在 WeLink 应用中查看并处理。";
    }

    public async Task SendAsync(Guid staffId, IReadOnlyList<string> roles, int handedOver, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT l.corp_id AS CorpId, l.agent_id AS AgentId, s.user_id AS UserId
            FROM staff s JOIN wecom_links l ON l.dealer_id = s.dealer_id AND l.corp_id = s.corp_id
            WHERE s.id = @staffId AND s.status = 'active' AND l.status = 'active'
            """;
        StaffAddress? address;
        await using (var connection = await connections.OpenConnectionAsync(cancellationToken))
        {
            address = await connection.QuerySingleOrDefaultAsync<StaffAddress>(new CommandDefinition(sql, new { staffId }, cancellationToken: cancellationToken));
        }

        if (address is null)
        {
            return;
        }

        try
        {
            await corps.SendMessageAsync(address.CorpId, MessageSendRequest.ForText(address.UserId, address.AgentId, Text(roles, handedOver)), cancellationToken);
        }
        catch (Exception e) when (PlatformFailure.IsExpected(e))
        {
            LogNotSent(staffId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell staff member {StaffId} about the work handed to them: {Reason}")]
    private partial void LogNotSent(Guid staffId, string reason);

    private sealed record StaffAddress(string CorpId, long AgentId, string UserId);
}
