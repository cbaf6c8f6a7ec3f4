namespace WeLink.Sandbox.Api;

/// <summary>
/// One way a platform API says no: the API and the condition, the errcode and errmsg the real platform answers
/// with, and where that fact comes from. <see cref="Refusals"/> lists every one the sandbox uses.
/// </summary>
/// <param name="Api">The API path after the host, or the group of APIs the refusal applies to.</param>
/// <param name="Condition">What the caller did wrong, as a reader of the README table needs it.</param>
/// <param name="Errcode">The platform's errcode for this case: the one thing callers may branch on.</param>
/// <param name="Errmsg">The errmsg; free text on the real platforms, which append a request id to it.</param>
/// <param name="Source">Markdown: the documentation page, community answer or SDK table the errcode is taken from.</param>
public sealed record WxRefusal(string Api, string Condition, int Errcode, string Errmsg, string Source)
{
    public IResult Answer() => WxResults.Error(Errcode, Errmsg);
}
