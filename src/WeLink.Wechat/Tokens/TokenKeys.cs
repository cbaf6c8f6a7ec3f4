namespace WeLink.Wechat.Tokens;

/// <summary>Cache keys of the four token kinds and the corps' two JS-SDK tickets; the lock of each is the key prefixed with <c>lock:</c>.</summary>
public static class TokenKeys
{
    public static string Component(string componentAppid) => $"welink:token:component:{componentAppid}";

    public static string Authorizer(string componentAppid, string authorizerAppid) =>
        $"welink:token:authorizer:{componentAppid}:{authorizerAppid}";

    public static string Suite(string suiteId) => $"welink:token:suite:{suiteId}";

    public static string Corp(string suiteId, string corpId) => $"welink:token:corp:{suiteId}:{corpId}";

    public static string CorpJsapiTicket(string suiteId, string corpId) => $"welink:ticket:jsapi:{suiteId}:{corpId}";

    public static string AgentConfigTicket(string suiteId, string corpId) => $"welink:ticket:agent_config:{suiteId}:{corpId}";
}
