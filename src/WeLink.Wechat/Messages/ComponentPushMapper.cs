namespace WeLink.Wechat.Messages;

/// <summary>Maps the open-platform component's InfoType pushes.</summary>
internal static class ComponentPushMapper
{
    public static ComponentPush? TryMap(PayloadNode root)
    {
        ComponentPush? push = root.Text("InfoType") switch
        {
            "component_verify_ticket" => new ComponentVerifyTicketPush
            {
                ComponentVerifyTicket = root.RequiredText("ComponentVerifyTicket"),
            },
            "authorized" => Authorization(root, CallbackMessageKind.Authorized),
            "updateauthorized" => Authorization(root, CallbackMessageKind.UpdateAuthorized),
            "unauthorized" => Authorization(root, CallbackMessageKind.Unauthorized),
            _ => null,
        };
        return push is null ? null : push with { AppId = root.RequiredText("AppId") };
    }

    private static ComponentAuthorizationPush Authorization(PayloadNode root, CallbackMessageKind kind) => new(kind)
    {
        AuthorizerAppId = root.RequiredText("AuthorizerAppid"),
        AuthorizationCode = root.NonEmptyText("AuthorizationCode"),
        AuthorizationCodeExpiredTime = PayloadValues.UnixTime(root.Text("AuthorizationCodeExpiredTime")),
        PreAuthCode = root.NonEmptyText("PreAuthCode"),
    };
}
