using System.Net;
using System.Text.Json;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Conversations;

/// <summary>
/// 转为投诉: staff file a conversation as a complaint for its consumer at their dealer, through the filing every complaint
/// takes: the consumer sees it among their complaints, the staff case page's timeline carries the conversation, and a
/// conversation becomes one case however often or by whomever the button is pressed.
/// </summary>
public abstract class ConversationComplaintTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Question = "保养后发动机有异响，能帮忙看看吗？";
    private const string Answer = "您好，请明天上午到店，我们安排技师为您检查。";

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ComplaintWorld.StartAsync(provider);
        await _world.SetBeijingHoursAsync("00:00-24:00");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_conversation_becomes_one_complaint_of_its_consumer_at_the_dealer_whose_case_page_carries_the_conversation()
    {
        var person = _world.People[0];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, Question);
        var id = (await advisor.AwaitConversationAsync(Question)).GetProperty("id").GetString()!;
        using var replied = await advisor.ReplyAsync(id, Answer);
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);

        var shanghai = await _world.StaffAsync(_world.ShanghaiAdvisor);
        using var foreign = await shanghai.FileComplaintAsync(id, new { category = "维修质量", severity = "normal" });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var unknown = await advisor.FileComplaintAsync(Guid.NewGuid().ToString(), new { category = "维修质量", severity = "normal" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        const string key = "file-once";
        using var filed = await advisor.FileComplaintAsync(id, new { category = "维修质量", severity = "high" }, key);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var caseId = (await filed.JsonAsync()).GetProperty("caseId").GetString()!;
        using var replayed = await advisor.FileComplaintAsync(id, new { category = "维修质量", severity = "high" }, key);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(caseId, (await replayed.JsonAsync()).GetProperty("caseId").GetString());

        var manager = await _world.StaffAsync(_world.Manager);
        using var again = await manager.FileComplaintAsync(id, new { category = "服务态度", severity = "low" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal("AlreadyFiled", problem.GetProperty("reason").GetString());
        Assert.Equal(caseId, problem.GetProperty("caseId").GetString());
        Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));
        Assert.Equal(caseId, (await advisor.ConversationAsync(id)).GetProperty("caseId").GetString());

        // The consumer's own complaint, as if they had filed it, with their words as its description.
        using var consumer = await _world.SignInAsync(person);
        var theirs = JsonDocument.Parse(await consumer.GetStringAsync(new Uri($"/api/consumer/complaints/{caseId}", UriKind.Relative))).RootElement;
        Assert.Equal(_world.BeijingDealerId.ToString(), theirs.GetProperty("dealerId").GetString());
        Assert.Contains(Question, theirs.ToString(), StringComparison.Ordinal);

        var page = JsonDocument.Parse(await advisor.GetStringAsync(new Uri($"/api/staff/cases/{caseId}", UriKind.Relative))).RootElement;
        var said = page.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "conversation").ToList();
        Assert.Equal([Question, Answer], said.Select(e => e.GetProperty("text").GetString()));
        Assert.Equal(_world.Advisor.Name, said[1].GetProperty("actor").GetString());
        Assert.Contains(page.GetProperty("filed").EnumerateArray(), f => f.GetProperty("value").GetString() == Question);
    }

    [Fact]
    public async Task A_complaint_without_a_category_with_an_unknown_severity_or_from_a_closed_conversation_is_refused_and_nothing_is_filed()
    {
        var person = _world.People[1];
        await _world.FollowAsync(person);
        var advisor = await _world.StaffAsync(_world.Advisor);
        await _world.WriteAsync(person, "车门有异响");
        var id = (await advisor.AwaitConversationAsync("车门有异响")).GetProperty("id").GetString()!;

        using var invalid = await advisor.FileComplaintAsync(id, new { category = " ", severity = "urgent" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.Equal(["category", "severity"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("投诉类别", errors.GetProperty("category")[0].GetString(), StringComparison.Ordinal);

        using var noKey = await advisor.PostAsync(
            new Uri($"/api/staff/conversations/{id}/complaint", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { category = "维修质量", severity = "normal" }));
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);

        using var closed = await advisor.PostAsync($"/api/staff/conversations/{id}/close");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var late = await advisor.FileComplaintAsync(id, new { category = "维修质量", severity = "normal" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.JsonAsync();
        Assert.Equal("Closed", problem.GetProperty("reason").GetString());
        Assert.Contains("不能再转为投诉", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));
        Assert.Equal(JsonValueKind.Null, (await advisor.ConversationAsync(id)).GetProperty("caseId").ValueKind);
    }

    [Fact]
    public async Task Staff_file_only_under_the_brands_categories_which_WeLink_serves_them_and_an_unlisted_one_is_refused_in_Chinese()
    {
        var advisor = await _world.StaffAsync(_world.Advisor);
        var categories = JsonDocument.Parse(await advisor.GetStringAsync(new Uri("/api/staff/conversations/complaint-categories", UriKind.Relative))).RootElement;
        Assert.Equal(
            ["服务态度", "维修质量", "车辆故障", "配件", "价格费用", "交车", "销售承诺", "其他"],
            categories.EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.All(categories.EnumerateArray(), c => Assert.Equal(c.GetProperty("label").GetString(), c.GetProperty("value").GetString()));

        var person = _world.People[2];
        await _world.FollowAsync(person);
        await _world.WriteAsync(person, "销售说好的赠品没给");
        var id = (await advisor.AwaitConversationAsync("销售说好的赠品没给")).GetProperty("id").GetString()!;

        using var unlisted = await advisor.FileComplaintAsync(id, new { category = "赠品", severity = "normal" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unlisted.StatusCode);
        var problem = await unlisted.JsonAsync();
        Assert.Equal("请从本品牌的投诉类别中选择。", problem.GetProperty("errors").GetProperty("category")[0].GetString());
        Assert.Equal("请从本品牌的投诉类别中选择。", problem.GetProperty("detail").GetString());
        Assert.Equal(0L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));
        Assert.Equal(JsonValueKind.Null, (await advisor.ConversationAsync(id)).GetProperty("caseId").ValueKind);

        using var listed = await advisor.FileComplaintAsync(id, new { category = "销售承诺", severity = "normal" });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
    }
}

public sealed class ConversationComplaintTests_on_Sqlite() : ConversationComplaintTests(DatabaseProvider.Sqlite);

public sealed class ConversationComplaintTests_on_Postgres() : ConversationComplaintTests(DatabaseProvider.Postgres);
