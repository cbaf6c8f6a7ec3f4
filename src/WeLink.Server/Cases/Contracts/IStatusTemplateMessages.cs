namespace WeLink.Server.Cases.Contracts;

/// <summary>
/// Template messages from a dealer's own official account with the status template every account's case notices use
/// (WeLink adds it to each account itself), for features that must reach a consumer outside WeChat's customer-service
/// window and have no case to notify about.
/// </summary>
public interface IStatusTemplateMessages
{
    /// <summary>Sends one; a WeChat refusal surfaces as <c>WechatApiException</c>, an account that is gone as <c>AuthorizationLostException</c>.</summary>
    Task SendAsync(StatusTemplateMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A status-template message to <paramref name="OpenId"/> of the account <paramref name="AppId"/>, opening
/// <paramref name="Url"/> when there is one. <paramref name="ClientMsgId"/> lets WeChat drop a repeat of the same message.
/// </summary>
public sealed record StatusTemplateMessage(string AppId, string OpenId, StatusText Text, string? Url, string ClientMsgId);

/// <summary>
/// What a status notice says, one keyword each: <paramref name="Subject"/> (服务项目), <paramref name="Status"/> (处理进度,
/// 5 characters at most), <paramref name="Headline"/> (进度说明), <paramref name="Remark"/> (温馨提示); the time is the send's.
/// </summary>
public sealed record StatusText(string Subject, string Status, string Headline, string Remark);
