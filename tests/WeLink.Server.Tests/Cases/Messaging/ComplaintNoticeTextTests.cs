using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Complaints;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Tests.Cases.Messaging;

/// <summary>
/// Every notice of the shipped complaint definition, rendered in every state with every input a step can carry, reads as
/// Chinese: no placeholder, text key, trigger, state key or stored value (severity) is left for people to read.
/// </summary>
public sealed partial class ComplaintNoticeTextTests
{
    private static readonly WorkflowDefinition Definition = LoadShipped();

    private static readonly JsonObject Data = new()
    {
        ["category"] = "服务态度",
        ["description"] = "保养后发动机异响，沟通时态度冷淡。",
        ["severity"] = "high",
        ["vehicle"] = "京A12345",
    };

    private static readonly JsonObject Input = new()
    {
        ["question"] = "请补充发生的时间。",
        ["answer"] = "上周六下午。",
        ["reason"] = "超出预算。",
        ["remedyPoints"] = 600,
        ["remedyDescription"] = "赠送保养积分",
    };

    public static TheoryData<string, string> NoticesInStates()
    {
        var data = new TheoryData<string, string>();
        foreach (var notice in Definition.Notices)
        {
            foreach (var state in Definition.States)
            {
                data.Add(notice.Action, state.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NoticesInStates))]
    public void The_notice_renders_chinese_without_raw_keys(string action, string state)
    {
        var notice = Definition.Notices.Single(n => n.Action == action);
        var texts = CaseTexts.For(Definition, Payload(state, action));

        var read = ReadTexts(notice).Select(texts.Render).ToList();

        Assert.All(read, text => Assert.Matches(Chinese(), text));
        Assert.All(read, text => Assert.DoesNotMatch(RawWord(), text));
        Assert.All(read, text => Assert.DoesNotContain("{", text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_severity_shows_by_its_label_and_a_state_by_its_consumer_label()
    {
        var texts = CaseTexts.For(Definition, Payload("in_progress", "notify_new_complaint"));

        Assert.Equal("新投诉（紧急）", texts.Render("new_complaint"));
        Assert.Equal("紧急", texts.Render("complaint_severity"));
        Assert.Equal(["已受理", "处理中", "已解决", "已关闭"], Definition.States.Select(s => s.ConsumerLabel).Distinct());
    }

    /// <summary>Every text the notice shows: its text and detail, a consumer's subject, a card's source, facts and buttons.</summary>
    private static IEnumerable<string> ReadTexts(NoticeDefinition notice)
    {
        yield return notice.Text;
        if (notice.Detail is not null)
        {
            yield return notice.Detail;
        }

        if (notice.To.Consumer)
        {
            yield return "subject";
        }

        if (notice.Buttons.Count > 0)
        {
            yield return "process";
        }

        foreach (var fact in notice.Facts)
        {
            yield return fact.Name;
            yield return fact.Value;
        }

        foreach (var button in notice.Buttons)
        {
            yield return button.Text;
            foreach (var key in button.Input.Values)
            {
                yield return key;
            }
        }
    }

    private static CasePayload Payload(string state, string action) =>
        new(new CaseActionContext(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), action, null, $"k:{action}", 1,
            new JsonObject
            {
                ["definitionKey"] = Definition.Key,
                ["definitionVersion"] = Definition.Version,
                ["to"] = state,
                ["sequence"] = 3,
                ["data"] = Data.DeepClone(),
                ["input"] = Input.DeepClone(),
                ["latest"] = Input.DeepClone(),
            }));

    private static WorkflowDefinition LoadShipped()
    {
        var assembly = typeof(ComplaintsFeature).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(ComplaintDefinition.ResourceName, StringComparison.Ordinal)))!;
        return DefinitionLoader.Load(stream);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    /// <summary>A lowercase code word (a key, trigger, state or stored value such as <c>high</c>); the plate 京A12345 is not one.</summary>
    [GeneratedRegex(@"\b[a-z]+(_[a-z]+)*\b")]
    private static partial Regex RawWord();
}
