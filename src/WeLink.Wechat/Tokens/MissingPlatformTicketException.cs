namespace WeLink.Wechat.Tokens;

/// <summary>
/// The platform token is needed but no ticket to get it with is stored yet: WeChat pushes a component_verify_ticket
/// every 10 minutes (api_start_push_ticket asks for one now), WeCom a suite_ticket about every 10 minutes (no API asks
/// for one). A WeLink just installed, or whose stored ticket was lost, meets this until the first push arrives; it is a
/// wait, not a fault.
/// </summary>
public sealed class MissingPlatformTicketException(PlatformTicket ticket, string ownerId)
    : Exception(ticket == PlatformTicket.ComponentVerifyTicket
        ? $"No component_verify_ticket is stored for component {ownerId}: WeChat pushes one every 10 minutes to the "
            + "authorization-event URL (api_start_push_ticket asks for one now)."
        : $"No suite_ticket is stored for suite {ownerId}: WeCom pushes one about every 10 minutes to the instruction URL "
            + "(the provider console can push one now).")
{
    public PlatformTicket Ticket { get; } = ticket;

    /// <summary>The component appid or the suite id the ticket is for.</summary>
    public string OwnerId { get; } = ownerId;
}
