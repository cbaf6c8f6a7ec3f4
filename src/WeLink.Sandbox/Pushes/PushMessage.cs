namespace WeLink.Sandbox.Pushes;

/// <summary>
/// One push before encryption. <paramref name="Subject"/> is the authorizer appid (component messages)
/// or the corpid (suite data); <paramref name="OpenId"/> goes in the query of component message pushes.
/// </summary>
public sealed record PushMessage(
    PushTarget Target,
    string Kind,
    string Plaintext,
    string? Subject = null,
    string? ToUserName = null,
    string? AgentId = null,
    string? OpenId = null);
