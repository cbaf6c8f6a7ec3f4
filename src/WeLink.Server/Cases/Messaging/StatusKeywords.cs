using System.Globalization;
using WeLink.Server.Cases.Contracts;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// The five things every consumer notice says, each in a keyword of the status template: what the case is about, its
/// state, when, what happened and what to do next. The official account's library template and the mini program's
/// subscribe title both carry them (<see cref="StatusTemplateOptions"/>, <see cref="SubscribeTemplateOptions"/>), so a
/// notice reads the same through either channel.
/// </summary>
public abstract class StatusKeywords
{
    /// <summary>The case's subject, e.g. the complaint's category (a <c>thing</c>: 20 characters at most).</summary>
    public TemplateKeyword Subject { get; set; } = new() { Name = "服务项目", Key = "thing1", Kid = 1 };

    /// <summary>The consumer's name for the case's state (a <c>phrase</c>: 5 characters at most).</summary>
    public TemplateKeyword Status { get; set; } = new() { Name = "处理进度", Key = "phrase2", Kid = 2 };

    public TemplateKeyword Time { get; set; } = new() { Name = "更新时间", Key = "time3", Kid = 3 };

    /// <summary>What happened, e.g. 您的投诉已受理.</summary>
    public TemplateKeyword Headline { get; set; } = new() { Name = "进度说明", Key = "thing4", Kid = 4 };

    /// <summary>The detail or what the consumer should do next; the full text is on the page the message opens.</summary>
    public TemplateKeyword Detail { get; set; } = new() { Name = "温馨提示", Key = "thing5", Kid = 5 };

    /// <summary>The keywords in the order the template shows them.</summary>
    public IReadOnlyList<TemplateKeyword> Keywords => [Subject, Status, Time, Headline, Detail];

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The notice's values by data key, each fitted to its keyword's rule; <paramref name="at"/> as China reads it.</summary>
    public IReadOnlyDictionary<string, string> Values(StatusText text, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(text);
        var time = TimeZoneInfo.ConvertTime(at, ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            [Subject.Key] = TemplateValue.Fit(Subject.Key, text.Subject),
            [Status.Key] = TemplateValue.Fit(Status.Key, text.Status),
            [Time.Key] = TemplateValue.Fit(Time.Key, time),
            [Headline.Key] = TemplateValue.Fit(Headline.Key, text.Headline),
            [Detail.Key] = TemplateValue.Fit(Detail.Key, text.Remark.Length > 0 ? text.Remark : "点击查看详情"),
        };
    }
}

/// <summary>One keyword of a template: the name api_add_template picks it by, the kid newtmpl picks it by, the data key messages fill.</summary>
public sealed class TemplateKeyword
{
    public string Name { get; set; } = "";

    /// <summary>The keyword's id in the mini programs' subscribe library (newtmpl's <c>kidList</c>); official accounts pick by name.</summary>
    public int Kid { get; set; }

    public string Key { get; set; } = "";
}
