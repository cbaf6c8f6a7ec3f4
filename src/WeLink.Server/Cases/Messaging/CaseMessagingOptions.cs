namespace WeLink.Server.Cases.Messaging;

/// <summary>Settings of case messaging (section <c>Messaging</c>).</summary>
public sealed class CaseMessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The library template of every consumer notice, added to each dealer's account by WeLink.</summary>
    public StatusTemplateOptions StatusTemplate { get; set; } = new();

    /// <summary>The subscribe title of every consumer notice in the brand's mini program, added to it by WeLink.</summary>
    public SubscribeTemplateOptions SubscribeTemplate { get; set; } = new();

    /// <summary>
    /// The mini program's page a notice opens, by definition key (<c>{id}</c> the case id, <c>{dealerId}</c> its dealer):
    /// the subscribe message's page, and the fallback template message's mini-program link.
    /// </summary>
    public Dictionary<string, string> MiniProgramPages { get; set; } = new()
    {
        ["complaint"] = "pages/complaints/detail?id={id}&dealerId={dealerId}",
        ["member_card"] = "pages/member/card?dealerId={dealerId}",
    };

    /// <summary>The consumer's page a template message opens, by definition key; <c>{id}</c> becomes the case id. None: no link.</summary>
    public Dictionary<string, string> ConsumerPages { get; set; } = [];

    /// <summary>How long a claimed send may take before a new delivery treats its sender as crashed and repeats it (once).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);
}
