using WeLink.Wechat.Messages;

namespace WeLink.Wechat.Tests.Messages;

public sealed class ComponentPushParsingTests
{
    [Fact]
    public void Component_verify_ticket_is_parsed()
    {
        const string xml = """
            <xml><AppId><![CDATA[wx134c8103faa5a59e]]></AppId>
            <CreateTime>1713424427</CreateTime>
            <InfoType><![CDATA[component_verify_ticket]]></InfoType>
            <ComponentVerifyTicket><![CDATA[ticker@@@wRcQ5lbOlX0yB7gfGcGFjEh4kx2D7rkmlk]]></ComponentVerifyTicket>
            </xml>
            """;

        var push = Assert.IsType<ComponentVerifyTicketPush>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.ComponentVerifyTicket, push.Kind);
        Assert.Equal("wx134c8103faa5a59e", push.AppId);
        Assert.Equal("ticker@@@wRcQ5lbOlX0yB7gfGcGFjEh4kx2D7rkmlk", push.ComponentVerifyTicket);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713424427), push.CreateTime);
        Assert.Equal(xml, push.RawPayload);
        Assert.Equal("info|component_verify_ticket|1713424427|wx134c8103faa5a59e|||||||", push.DeduplicationKey);
    }

    [Theory]
    [InlineData("authorized", CallbackMessageKind.Authorized)]
    [InlineData("updateauthorized", CallbackMessageKind.UpdateAuthorized)]
    public void Authorization_grants_carry_the_authorization_code(string infoType, CallbackMessageKind kind)
    {
        var xml = $"""
            <xml><AppId><![CDATA[wx134c8103faa5a59e]]></AppId><CreateTime>1713430000</CreateTime>
            <InfoType><![CDATA[{infoType}]]></InfoType><AuthorizerAppid><![CDATA[wxba5fad812f8e6fb9]]></AuthorizerAppid>
            <AuthorizationCode><![CDATA[queryauthcode@@@cPWkXRgnHP]]></AuthorizationCode>
            <AuthorizationCodeExpiredTime>1713433600</AuthorizationCodeExpiredTime>
            <PreAuthCode><![CDATA[preauthcode@@@rbnRQXNvHS]]></PreAuthCode></xml>
            """;

        var push = Assert.IsType<ComponentAuthorizationPush>(CallbackMessageParser.Parse(xml));

        Assert.Equal(kind, push.Kind);
        Assert.Equal("wx134c8103faa5a59e", push.AppId);
        Assert.Equal("wxba5fad812f8e6fb9", push.AuthorizerAppId);
        Assert.Equal("queryauthcode@@@cPWkXRgnHP", push.AuthorizationCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1713433600), push.AuthorizationCodeExpiredTime);
        Assert.Equal("preauthcode@@@rbnRQXNvHS", push.PreAuthCode);
    }

    [Fact]
    public void Unauthorized_carries_only_the_authorizer()
    {
        const string xml = "<xml><AppId><![CDATA[wx134c8103faa5a59e]]></AppId><CreateTime>1713430500</CreateTime><InfoType><![CDATA[unauthorized]]></InfoType><AuthorizerAppid><![CDATA[wxba5fad812f8e6fb9]]></AuthorizerAppid></xml>";

        var push = Assert.IsType<ComponentAuthorizationPush>(CallbackMessageParser.Parse(xml));

        Assert.Equal(CallbackMessageKind.Unauthorized, push.Kind);
        Assert.Equal("wxba5fad812f8e6fb9", push.AuthorizerAppId);
        Assert.Null(push.AuthorizationCode);
        Assert.Null(push.AuthorizationCodeExpiredTime);
        Assert.Equal("info|unauthorized|1713430500|wx134c8103faa5a59e|wxba5fad812f8e6fb9||||||", push.DeduplicationKey);
    }

    [Fact]
    public void An_authorization_push_kind_must_be_an_authorization_kind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComponentAuthorizationPush(CallbackMessageKind.Text) { AuthorizerAppId = "x" });
    }
}
