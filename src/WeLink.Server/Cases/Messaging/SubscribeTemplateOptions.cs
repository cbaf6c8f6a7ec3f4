namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The subscribe-message title consumer notices use in the brand's mini program (section <c>Messaging:SubscribeTemplate</c>).
/// WeLink adds it to the mini program itself (<c>wxaapi/newtmpl/addtemplate</c>, see <see cref="AccountTemplates"/>) and hands
/// its id to the page for <c>wx.requestSubscribeMessage</c>. The defaults are the sandbox library's status title; for the
/// real WeChat, set the tid, each keyword's kid and its data key (rule + kid) as the MP console's public library shows them.
/// </summary>
public sealed class SubscribeTemplateOptions : StatusKeywords
{
    public string Tid { get; set; } = "4937";

    /// <summary>What the subscribe dialog says the messages are for (15 characters at most).</summary>
    public string SceneDesc { get; set; } = "投诉处理进度";

    public IReadOnlyList<int> Kids => [.. Keywords.Select(k => k.Kid)];
}
