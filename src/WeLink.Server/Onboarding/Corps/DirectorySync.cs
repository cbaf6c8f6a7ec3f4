using WeLink.Wechat.WeCom;
using WeLink.Wechat.WeCom.Models;

namespace WeLink.Server.Onboarding.Corps;

/// <summary>
/// Makes a corp's staff rows match the app's visible range: every member of the visible departments (with
/// their sub-departments) and every individually visible member. Visible tags are not expanded: WeLink's
/// installs grant departments and members, and tag membership would need the tag API's permission.
/// </summary>
public sealed class DirectorySync(CorpClient corp, StaffStore staff, TimeProvider time)
{
    public async Task<int> SyncAsync(Guid dealerId, string corpId, AgentPrivilege? privilege, CancellationToken cancellationToken)
    {
        var visible = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in privilege?.AllowParty ?? [])
        {
            var members = await corp.ListDepartmentMembersAsync(corpId, department, includeSubDepartments: true, cancellationToken);
            foreach (var member in members.Userlist)
            {
                visible[member.Userid] = member.Name ?? "";
            }
        }

        foreach (var userId in (privilege?.AllowUser ?? []).Where(u => !visible.ContainsKey(u)))
        {
            visible[userId] = (await corp.GetUserAsync(corpId, userId, cancellationToken)).Name ?? "";
        }

        await staff.ReplaceVisibleAsync(dealerId, corpId, visible, time.GetUtcNow(), cancellationToken);
        return visible.Count;
    }
}
