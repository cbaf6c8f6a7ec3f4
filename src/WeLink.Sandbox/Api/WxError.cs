namespace WeLink.Sandbox.Api;

/// <summary>The <c>{"errcode":…,"errmsg":"…"}</c> body both platforms answer with, HTTP 200 even on failure.</summary>
public sealed record WxError(int Errcode, string Errmsg)
{
    public static readonly WxError Ok = new(0, "ok");
}
