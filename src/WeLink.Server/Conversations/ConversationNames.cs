using WeLink.Server.Onboarding.Contracts;

namespace WeLink.Server.Conversations;

/// <summary>The names a conversation is shown with, on its page and on a case's timeline.</summary>
public static class ConversationNames
{
    /// <summary>A consumer WeChat gave no nickname (followers of an account get none).</summary>
    public const string Unnamed = "微信用户";

    /// <summary>The name of each staff member who wrote one of <paramref name="messages"/>, a departed one's said so.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> StaffAsync(
        IStaffDirectory staff, IEnumerable<ConversationMessageRow> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var names = new Dictionary<Guid, string>();
        foreach (var id in messages.Select(m => m.StaffId).OfType<Guid>().Distinct())
        {
            names[id] = (await staff.FindAsync(id, cancellationToken))?.Name ?? "（已离开的员工）";
        }

        return names;
    }
}
