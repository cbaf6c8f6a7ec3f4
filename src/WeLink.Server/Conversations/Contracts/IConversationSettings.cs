namespace WeLink.Server.Conversations.Contracts;

/// <summary>
/// What dealers and HQ set for conversations, for the portal's pages: the staff role a dealer tells of each new
/// conversation, and the reply a brand's consumers get at once when they write outside their dealer's business hours.
/// </summary>
public interface IConversationSettings
{
    /// <summary>The dealer's duty role; <see cref="ConversationDefaults.DutyRole"/> when the dealer set none.</summary>
    Task<string> DutyRoleAsync(Guid dealerId, CancellationToken cancellationToken);

    /// <summary>Sets the dealer's duty role, one of the staff roles (the caller checks it is one).</summary>
    Task SetDutyRoleAsync(Guid dealerId, string role, CancellationToken cancellationToken);

    /// <summary>The brand's out-of-hours reply; <see cref="ConversationDefaults.OutOfHoursReply"/> when the brand set none.</summary>
    Task<string> OutOfHoursReplyAsync(Guid brandId, CancellationToken cancellationToken);

    Task SetOutOfHoursReplyAsync(Guid brandId, string reply, CancellationToken cancellationToken);
}

public static class ConversationDefaults
{
    /// <summary>Service advisors hear of new conversations unless the dealer chose another role.</summary>
    public const string DutyRole = WeLink.Server.Tenancy.Access.StaffRoles.ServiceAdvisor;

    public const string OutOfHoursReply = "您好，现在是非营业时间。我们已收到您的消息，顾问会在营业时间内尽快回复您。";

    /// <summary>A customer-service text takes up to about 2048 bytes; this leaves room in UTF-8.</summary>
    public const int MaxOutOfHoursReply = 300;
}
