namespace WeLink.Wechat.OpenPlatform.Models;

/// <summary>POST /cgi-bin/component/api_start_push_ticket</summary>
public sealed class ApiStartPushTicketRequest
{
    public required string ComponentAppid { get; init; }

    public required string ComponentSecret { get; init; }
}
