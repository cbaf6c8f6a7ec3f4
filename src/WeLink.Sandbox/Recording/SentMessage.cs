using System.Text.Json;

namespace WeLink.Sandbox.Recording;

/// <summary>
/// A message WeLink sent through a platform API. <paramref name="Api"/> names it (template/send,
/// custom/send, wecom message/send…); <paramref name="Recipients"/> are openids or userids.
/// </summary>
public sealed record SentMessage(
    long Id,
    string Api,
    string Sender,
    IReadOnlyList<string> Recipients,
    string? MsgType,
    JsonElement Body,
    string MsgId,
    DateTimeOffset SentAt);
