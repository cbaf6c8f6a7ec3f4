namespace WeLink.Sandbox.World;

/// <summary>One keyword of a library template: its name (what an account picks) and the data key messages fill.</summary>
public sealed record LibraryKeyword(string Name, string Key);

/// <summary>A template of the library accounts add from (<c>api_add_template</c>), with every keyword it offers.</summary>
public sealed record LibraryTemplate(string ShortId, string Title, IReadOnlyList<LibraryKeyword> Keywords);

/// <summary>
/// The sandbox's stand-in for WeChat's category-template library (类目模板: a numeric id, keywords picked by name).
/// The ids and keywords are the sandbox's own; a real account finds its numbers in the MP console's template library.
/// </summary>
public static class TemplateLibrary
{
    /// <summary>WeChat's cap on the templates one account holds; commonly quoted as 25 (protocol-wave2.md §3).</summary>
    public const int SlotsPerAccount = 25;

    public static IReadOnlyList<LibraryTemplate> All { get; } =
    [
        new("47317", "服务进度通知",
        [
            new("服务项目", "thing1"), new("处理进度", "phrase2"), new("更新时间", "time3"), new("进度说明", "thing4"),
            new("温馨提示", "thing5"), new("办理门店", "thing6"),
        ]),
        new("50122", "预约成功通知", [new("预约项目", "thing1"), new("预约时间", "time2"), new("预约门店", "thing3"), new("备注", "thing4")]),
    ];

    public static LibraryTemplate? Find(string? shortId) => All.FirstOrDefault(t => t.ShortId == shortId);

    /// <summary>The account's template with the picked keywords, laid out as WeChat shows it: one line a keyword.</summary>
    public static MessageTemplate Pick(LibraryTemplate template, IReadOnlyList<LibraryKeyword> keywords)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(keywords);
        return new MessageTemplate(OpaqueIds.Secret(43), template.Title, string.Join('\n', keywords.Select(k => $"{k.Name}：{{{{{k.Key}.DATA}}}}")));
    }
}
