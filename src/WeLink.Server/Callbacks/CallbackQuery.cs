using Microsoft.AspNetCore.Mvc;

namespace WeLink.Server.Callbacks;

/// <summary>
/// The signed query parameters of a callback, already URL-decoded by ASP.NET. The plain <c>signature</c>
/// parameter is deliberately not read: it does not cover the body.
/// </summary>
public readonly record struct CallbackQuery(
    [property: FromQuery(Name = "msg_signature")] string? MsgSignature,
    [property: FromQuery(Name = "timestamp")] string? Timestamp,
    [property: FromQuery(Name = "nonce")] string? Nonce);
