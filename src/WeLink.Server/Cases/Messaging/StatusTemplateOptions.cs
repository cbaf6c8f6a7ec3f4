namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The library template consumer notices use (section <c>Messaging:StatusTemplate</c>). WeChat template ids belong to
/// each account, so WeLink adds this library template to every linked account itself (<see cref="AccountTemplates"/>)
/// and nobody configures an id. The defaults are the sandbox library's status template; for the real WeChat, set the
/// category template's number and the data keys of the keywords as the MP console's template library shows them.
/// </summary>
public sealed class StatusTemplateOptions
{
    public string LibraryId { get; set; } = "47317";

    /// <summary>The case's subject, e.g. the complaint's category (a <c>thing</c>: 20 characters at most).</summary>
    public TemplateKeyword Subject { get; set; } = new() { Name = "服务项目", Key = "thing1" };

    /// <summary>The consumer's name for the case's state (a <c>phrase</c>: 5 characters at most).</summary>
    public TemplateKeyword Status { get; set; } = new() { Name = "处理进度", Key = "phrase2" };

    public TemplateKeyword Time { get; set; } = new() { Name = "更新时间", Key = "time3" };

    /// <summary>What happened, e.g. 您的投诉已受理.</summary>
    public TemplateKeyword Headline { get; set; } = new() { Name = "进度说明", Key = "thing4" };

    /// <summary>The detail or what the consumer should do next; the full text is on the page the message opens.</summary>
    public TemplateKeyword Detail { get; set; } = new() { Name = "温馨提示", Key = "thing5" };

    /// <summary>The keywords in the order the template shows them.</summary>
    public IReadOnlyList<TemplateKeyword> Keywords => [Subject, Status, Time, Headline, Detail];
}

/// <summary>One keyword of the library template: the name api_add_template picks it by, the data key messages fill.</summary>
public sealed class TemplateKeyword
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";
}
