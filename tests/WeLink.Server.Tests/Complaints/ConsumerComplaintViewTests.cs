using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Complaints;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Data;

namespace WeLink.Server.Tests.Complaints;

/// <summary>
/// What the consumer's pages read of a complaint beyond its status: the timeline (and what it must not show), the
/// categories and severities the filing offers, and the Chinese refusals of the consumer's own routes.
/// </summary>
public abstract class ConsumerComplaintViewTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Uri Complaints = new("/api/consumer/complaints", UriKind.Relative);

    private static readonly string[] Offered = ["服务态度", "维修质量", "车辆故障", "配件", "价格费用", "交车", "销售承诺", "其他"];

    private static readonly string[] Kinds = ["status", "reply", "question", "answer", "survey"];

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_timeline_shows_status_changes_questions_answers_messages_and_the_survey_but_no_notes_internal_steps_or_staff_names()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await ComplaintTests.FileAsync(consumer, "timeline", "服务态度", "normal");
        Assert.Equal([("status", "已受理")], complaint.Timeline.Select(e => (e.Kind, e.Text)));
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        using (var noted = await advisor.PostAsJsonAsync(new Uri($"/api/staff/cases/{complaint.Id}/notes", UriKind.Relative), new { text = "内部备注：客户脾气急" }))
        {
            Assert.Equal(HttpStatusCode.Created, noted.StatusCode);
        }

        await FireAsStaffAsync(advisor, complaint.Id, "request_info", new { question = "请问是哪一天送修的？" });
        using (var answered = await PostAsync(consumer, $"{Complaints}/{complaint.Id}/information", new { answer = "12月1日上午。" }))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        foreach (var step in new[] { "listen", "empathize", "apologize", "delight" })
        {
            await FireAsStaffAsync(advisor, complaint.Id, step, new { note = $"内部步骤记录-{step}" });
        }

        await FireAsStaffAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 100, remedyDescription = "内部补偿说明" });
        await FireAsStaffAsync(advisor, complaint.Id, "resolve", new { resolution = "内部解决方案记录" });
        await Poll.UntilAsync(() => GetAsync(consumer, complaint.Id), c => c.SurveyOpen, Deadline.BackgroundWork, "the survey");
        using (var surveyed = await PostAsync(consumer, $"{Complaints}/{complaint.Id}/survey", new { satisfaction = 5, recommend = 9 }))
        {
            Assert.Equal(HttpStatusCode.OK, surveyed.StatusCode);
        }

        // Six notices reach the consumer: the receipt, 处理中, the question, 已解决 and the survey, 已关闭.
        var view = await Poll.UntilAsync(
            () => GetAsync(consumer, complaint.Id), c => c.Timeline.Count(e => e.Kind == "reply") == 6, Deadline.BackgroundWork, "the six notices in the timeline");
        using var raw = await consumer.GetAsync(new Uri($"{Complaints}/{complaint.Id}", UriKind.Relative));
        var json = await raw.Content.ReadAsStringAsync();

        Assert.Equal(view.Timeline.OrderBy(e => e.At), view.Timeline);
        Assert.Equal(["已受理", "处理中", "已解决", "已关闭"], view.Timeline.Where(e => e.Kind == "status").Select(e => e.Text));
        Assert.Equal(
            [("question", "请问是哪一天送修的？"), ("answer", "12月1日上午。"), ("survey", "满意度 5/5，推荐意愿 9/10")],
            view.Timeline.Where(e => e.Kind is "question" or "answer" or "survey").Select(e => (e.Kind, e.Text)));
        Assert.Contains(view.Timeline, e => e.Kind == "reply" && e.Text.StartsWith("您的投诉已受理", StringComparison.Ordinal));
        Assert.Contains(view.Timeline, e => e.Kind == "reply" && e.Text.StartsWith("我们需要您补充信息", StringComparison.Ordinal));
        Assert.All(view.Timeline, e => Assert.Contains(e.Kind, Kinds));
        Assert.Contains("\"timeline\":[{\"at\":", json, StringComparison.Ordinal);
        foreach (var secret in new[]
        {
            "内部备注", "内部步骤记录", "内部补偿说明", "内部解决方案记录", _world.Advisor.Name, _world.Manager.Name, _world.Advisor.UserId,
            "待首次响应", "等待客户补充信息", "已解决，待回访", "listen", "send_receipt", "notify_", "wecom",
        })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_filing_offers_the_definitions_categories_and_refuses_another_with_a_chinese_reason_storing_nothing()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);

        var categories = await consumer.GetFromJsonAsync<JsonElement>(new Uri($"{Complaints}/categories", UriKind.Relative));
        using var refused = await PostAsync(consumer, Complaints.ToString(), new { category = "Service", description = "洗车没洗干净。", severity = "normal" });

        Assert.Equal(Offered, categories.EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.All(categories.EnumerateArray(), c => Assert.Equal(c.GetProperty("value").GetString(), c.GetProperty("label").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["请从列表中选择投诉类别。"], await ErrorsAsync(refused, "category"));
        Assert.Empty((await consumer.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!);
    }

    [Fact]
    public async Task A_version_hq_publishes_for_the_brand_changes_the_categories_offered_and_accepted()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var json = JsonNode.Parse(ShippedDefinitionJson(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        json["valueLabels"]!["category"] = new JsonObject { ["保养预约"] = "保养预约", ["其他"] = "其他" };
        Assert.IsType<DefinitionPublished>(await _world.Host.Services.GetRequiredService<DefinitionCatalog>()
            .PublishAsync(_world.BrandId, json.ToJsonString(), "hq", CancellationToken.None));

        var categories = await consumer.GetFromJsonAsync<JsonElement>(new Uri($"{Complaints}/categories", UriKind.Relative));
        using var old = await PostAsync(consumer, Complaints.ToString(), new { category = "服务态度", description = "洗车没洗干净。", severity = "normal" });
        var filed = await ComplaintTests.FileAsync(consumer, "new-category", "保养预约", "low");

        Assert.Equal(["保养预约", "其他"], categories.EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal("保养预约", filed.Category);
    }

    [Fact]
    public async Task The_filing_offers_the_definitions_severities_shows_their_labels_on_the_complaint_and_refuses_an_unlisted_one_storing_nothing()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);

        var severities = await consumer.GetFromJsonAsync<JsonElement>(new Uri($"{Complaints}/severities", UriKind.Relative));
        using var refused = await PostAsync(consumer, Complaints.ToString(), new { category = "服务态度", description = "洗车没洗干净。", severity = "较重" });
        using var missing = await PostAsync(consumer, Complaints.ToString(), new { category = "服务态度", description = "洗车没洗干净。" });
        Assert.Empty((await consumer.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!);
        var filed = await ComplaintTests.FileAsync(consumer, "severity-label", "服务态度", "high");
        var listed = (await consumer.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!;

        Assert.Equal(
            [("low", "轻微"), ("normal", "一般"), ("high", "紧急")],
            severities.EnumerateArray().Select(s => (s.GetProperty("value").GetString(), s.GetProperty("label").GetString())));
        foreach (var refusal in new[] { refused, missing })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
            Assert.Equal(["请从列表中选择严重程度。"], await ErrorsAsync(refusal, "severity"));
        }

        Assert.Equal(("high", "紧急"), (filed.Severity, filed.SeverityLabel));
        Assert.Equal(["紧急"], listed.Select(c => c.SeverityLabel));
    }

    [Fact]
    public async Task A_version_hq_publishes_relabels_severities_on_the_filing_page_while_a_filed_complaint_keeps_its_versions_label()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var filed = await ComplaintTests.FileAsync(consumer, "before-relabel", "服务态度", "normal");
        var json = JsonNode.Parse(ShippedDefinitionJson(), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        json["valueLabels"]!["severity"] = new JsonObject { ["normal"] = "普通", ["high"] = "非常紧急" };
        Assert.IsType<DefinitionPublished>(await _world.Host.Services.GetRequiredService<DefinitionCatalog>()
            .PublishAsync(_world.BrandId, json.ToJsonString(), "hq", CancellationToken.None));

        var severities = await consumer.GetFromJsonAsync<JsonElement>(new Uri($"{Complaints}/severities", UriKind.Relative));
        using var dropped = await PostAsync(consumer, Complaints.ToString(), new { category = "服务态度", description = "洗车没洗干净。", severity = "low" });
        var relabelled = await ComplaintTests.FileAsync(consumer, "after-relabel", "服务态度", "high");

        Assert.Equal(["普通", "非常紧急"], severities.EnumerateArray().Select(s => s.GetProperty("label").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, dropped.StatusCode);
        Assert.Equal("非常紧急", relabelled.SeverityLabel);
        Assert.Equal("一般", (await GetAsync(consumer, filed.Id)).SeverityLabel);
    }

    [Fact]
    public async Task Bad_input_to_the_consumer_routes_is_refused_in_chinese_in_the_problem_details_shape()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);

        using var empty = await PostAsync(consumer, Complaints.ToString(), new { category = "维修质量", description = " ", severity = "urgent" });
        using var longVehicle = await PostAsync(consumer, Complaints.ToString(), new { category = "维修质量", description = "异响", severity = "low", vehicle = new string('京', 51) });
        var complaint = await ComplaintTests.FileAsync(consumer, "valid", "维修质量", "normal");
        using var noAnswer = await PostAsync(consumer, $"{Complaints}/{complaint.Id}/information", new { answer = "" });
        using var badSurvey = await PostAsync(consumer, $"{Complaints}/{complaint.Id}/survey", new { satisfaction = 9, recommend = 5 });
        using var unknown = await consumer.GetAsync(new Uri($"{Complaints}/{Guid.NewGuid()}", UriKind.Relative));
        using var cancelUnknown = await PostAsync(consumer, $"{Complaints}/{Guid.NewGuid()}/cancel", null);

        Assert.Equal(["请描述发生了什么，不超过 2000 字。"], await ErrorsAsync(empty, "description"));
        Assert.Equal(
            "提交的内容有误：请描述发生了什么，不超过 2000 字。 请从列表中选择严重程度。",
            (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(["请从列表中选择严重程度。"], await ErrorsAsync(empty, "severity"));
        Assert.Equal(["车辆信息不超过 50 字。"], await ErrorsAsync(longVehicle, "vehicle"));
        Assert.Equal(["请填写要补充的信息，不超过 2000 字。"], await ErrorsAsync(noAnswer, "answer"));
        Assert.Equal(["满意度请选择 1 到 5 分。"], await ErrorsAsync(badSurvey, "satisfaction"));
        foreach (var notFound in new[] { unknown, cancelUnknown })
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal("没有找到这条投诉，请返回列表刷新后再看。", (await notFound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal([complaint.Id], (await consumer.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!.Select(c => c.Id));
    }

    [Fact]
    public async Task Filing_with_a_dealer_that_lost_its_link_is_a_409_naming_what_is_missing_in_chinese()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        await using (var connection = await _world.Database.OpenAsync())
        {
            // What WeCom's cancel_auth push leaves behind.
            await connection.ExecuteAsync("UPDATE wecom_links SET status = 'suspended' WHERE dealer_id = @id", new { id = _world.BeijingDealerId });
        }

        using var refused = await PostAsync(consumer, Complaints.ToString(), new { category = "维修质量", description = "异响", severity = "low" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("这家经销商暂时无法受理投诉：", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The field's messages in a 400.</summary>
    private static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var errors), body);
        return [.. errors.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static string ShippedDefinitionJson()
    {
        var assembly = typeof(ComplaintsFeature).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(ComplaintDefinition.ResourceName, StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task<ComplaintResponse> GetAsync(HttpClient consumer, Guid id) =>
        (await consumer.GetFromJsonAsync<ComplaintResponse>(new Uri($"{Complaints}/{id}", UriKind.Relative)))!;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private static async Task FireAsStaffAsync(HttpClient staff, Guid id, string trigger, object input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/cases/{id}/transitions/{trigger}", UriKind.Relative))
        {
            Content = JsonContent.Create(input),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await staff.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger}: {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class ConsumerComplaintViewTests_on_Sqlite() : ConsumerComplaintViewTests(DatabaseProvider.Sqlite);

public sealed class ConsumerComplaintViewTests_on_Postgres() : ConsumerComplaintViewTests(DatabaseProvider.Postgres);
