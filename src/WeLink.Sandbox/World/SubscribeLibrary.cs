namespace WeLink.Sandbox.World;

/// <summary>
/// One keyword of a library title: the id a mini program picks it by (kid), its name, and its rule (thing, time, phrase…),
/// which with the kid makes the data key messages fill (<c>thing1</c>) and decides what values it takes.
/// </summary>
public sealed record SubscribeKeyword(int Kid, string Name, string Rule)
{
    public string Key => Rule + Kid;
}

/// <summary>A title of the public subscribe-message library (a tid) with every keyword it offers.</summary>
public sealed record SubscribeTitle(string Tid, string Title, IReadOnlyList<SubscribeKeyword> Keywords);

/// <summary>
/// The sandbox's stand-in for WeChat's public library of one-time subscribe-message titles, which mini programs add to
/// their own templates with <c>wxaapi/newtmpl/addtemplate</c> (protocol-wave2.md §2.1). The tids and kids are the
/// sandbox's own; a real mini program finds its numbers in the MP console (订阅消息 → 公共模板库).
/// </summary>
public static class SubscribeLibrary
{
    /// <summary>A mini program holds at most 25 templates of its own (errcode 200012).</summary>
    public const int SlotsPerMiniProgram = 25;

    /// <summary>How many keywords a one-time template picks.</summary>
    public const int MinKeywords = 2;

    public const int MaxKeywords = 5;

    /// <summary>The longest <c>sceneDesc</c> WeChat takes.</summary>
    public const int SceneDescLength = 15;

    public static IReadOnlyList<SubscribeTitle> All { get; } =
    [
        new("4937", "服务进度提醒",
        [
            new(1, "服务项目", "thing"), new(2, "处理进度", "phrase"), new(3, "更新时间", "time"), new(4, "进度说明", "thing"),
            new(5, "温馨提示", "thing"), new(6, "办理门店", "thing"),
        ]),
        new("5162", "预约结果通知", [new(1, "预约项目", "thing"), new(2, "预约时间", "time"), new(3, "预约门店", "thing"), new(4, "联系电话", "phone_number")]),
    ];

    public static SubscribeTitle? Find(string? tid) => All.FirstOrDefault(t => t.Tid == tid);

    /// <summary>The mini program's template with the picked keywords, laid out as WeChat's gettemplate shows it: one line a keyword.</summary>
    public static MessageTemplate Pick(SubscribeTitle title, IReadOnlyList<SubscribeKeyword> keywords)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(keywords);
        return new MessageTemplate(OpaqueIds.Secret(43), title.Title, string.Join('\n', keywords.Select(k => $"{k.Name}：{{{{{k.Key}.DATA}}}}")));
    }
}
