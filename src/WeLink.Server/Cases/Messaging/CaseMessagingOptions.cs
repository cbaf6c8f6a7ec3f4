namespace WeLink.Server.Cases.Messaging;

/// <summary>Settings of case messaging (section <c>Messaging</c>).</summary>
public sealed class CaseMessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// The status template (in every dealer's official account) for every consumer notice: <c>first</c> the headline,
    /// <c>keyword1</c> the case's subject, <c>keyword2</c> its status, <c>keyword3</c> the time, <c>remark</c> the detail.
    /// WeChat template ids are per account, so dealers add the same industry template and HQ sets its id here.
    /// </summary>
    public string StatusTemplateId { get; set; } = "";

    /// <summary>The consumer's page a template message opens, by definition key; <c>{id}</c> becomes the case id. None: no link.</summary>
    public Dictionary<string, string> ConsumerPages { get; set; } = [];

    /// <summary>How long a claimed send may take before a new delivery treats its sender as crashed and repeats it (once).</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);
}
