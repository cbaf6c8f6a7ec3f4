namespace WeLink.Server.Complaints;

/// <summary>Settings of the complaints feature (section <c>Complaints</c>).</summary>
public sealed class ComplaintsOptions
{
    public const string SectionName = "Complaints";

    /// <summary>The template (in every dealer's official account) for the receipt and each status change; WeChat template
    /// ids are per account, so dealers add the same industry template and HQ sets its id here.</summary>
    public string StatusTemplateId { get; set; } = "";

    /// <summary>The consumer's complaint page the template message opens; <c>{id}</c> becomes the complaint id. Empty: no link.</summary>
    public string ConsumerPage { get; set; } = "";
}
