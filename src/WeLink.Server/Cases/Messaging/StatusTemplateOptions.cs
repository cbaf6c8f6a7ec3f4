namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The library template consumer notices use on official accounts (section <c>Messaging:StatusTemplate</c>). WeChat
/// template ids belong to each account, so WeLink adds this library template to every linked account itself
/// (<see cref="AccountTemplates"/>) and nobody configures an id. The defaults are the sandbox library's status template;
/// for the real WeChat, set the category template's number and the data keys of the keywords as the MP console's
/// template library shows them.
/// </summary>
public sealed class StatusTemplateOptions : StatusKeywords
{
    public string LibraryId { get; set; } = "47317";
}
