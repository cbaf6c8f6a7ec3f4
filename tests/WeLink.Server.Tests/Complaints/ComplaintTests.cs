using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Complaints;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Data;
using WeLink.Workflow.Definitions;

namespace WeLink.Server.Tests.Complaints;

/// <summary>Complaints end to end: consumer OAuth session and API, the engine, the outbox, and the sandbox as WeChat and WeCom.</summary>
public abstract class ComplaintTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string TemplateSend = "template/send";
    internal const string WecomSend = "wecom/message/send";
    private static readonly Uri Complaints = new("/api/consumer/complaints", UriKind.Relative);

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public void The_shipped_definition_validates_against_the_registered_actions_and_roles()
    {
        var catalog = _world.Host.Services.GetRequiredService<DefinitionCatalog>();
        using var stream = typeof(ComplaintsFeature).Assembly.GetManifestResourceStream(
            typeof(ComplaintsFeature).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(ComplaintDefinition.ResourceName, StringComparison.Ordinal)))!;
        var definition = DefinitionLoader.Load(stream);

        Assert.Empty(catalog.Validate(definition));
        Assert.Equal(["已受理", "处理中", "已解决", "已关闭"], definition.States.Select(s => s.ConsumerLabel).Distinct());
        var withoutHandlers = definition with { Actions = [.. definition.Actions, "award_unicorns"], States = [.. definition.States.Select(s => s.Key == "received" ? s with { OnEnter = [.. s.OnEnter, "award_unicorns"] } : s)] };
        Assert.NotEmpty(catalog.Validate(withoutHandlers));
    }

    [Fact]
    public async Task The_full_loop_reaches_the_consumer_and_staff_through_the_sandbox()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var openId = await _world.OpenIdAsync(_world.People[0]);

        var first = await FileAsync(consumer, "double-click", "服务态度", "normal");
        var second = await FileAsync(consumer, "double-click", "服务态度", "normal");
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("已受理", first.Status);
        Assert.True(first.CanCancel);
        Assert.Single(await ListAsync(consumer));

        var receipt = Assert.Single(await _world.AwaitMessagesAsync(TemplateSend, openId, 1, "the receipt"));
        Assert.Equal(_world.BeijingAppId, receipt.GetProperty("sender").GetString());
        Assert.Equal(_world.TemplateId, receipt.GetProperty("body").GetProperty("template_id").GetString());
        Assert.Equal("已受理", Keyword(receipt, "phrase2"));
        Assert.Equal("服务态度", Keyword(receipt, "thing1"));

        var card = Assert.Single(await _world.AwaitMessagesAsync(WecomSend, _world.Advisor.UserId, 1, "the advisor's card"));
        var template = card.GetProperty("body").GetProperty("template_card");
        Assert.Equal("button_interaction", template.GetProperty("card_type").GetString());
        Assert.Equal(["acknowledge", "request_info"], template.GetProperty("button_list").EnumerateArray().Select(b => b.GetProperty("key").GetString()));
        var taskId = template.GetProperty("task_id").GetString()!;

        // The advisor's inbox reads as staff read it: the process, state and severity by their labels, who filed it.
        using (var advisorApp = await _world.StaffAsync(_world.Advisor))
        {
            var row = Assert.Single((await advisorApp.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/cases?view=mine", UriKind.Relative))).EnumerateArray());
            Assert.Equal(
                ("客户投诉", "待首次响应", "服务态度", "一般"),
                (row.GetProperty("process").GetProperty("label").GetString(), row.GetProperty("state").GetProperty("label").GetString(),
                    row.GetProperty("category").GetString(), row.GetProperty("severity").GetString()));
            Assert.False(string.IsNullOrEmpty(row.GetProperty("customer").GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(row.GetProperty("assignee").GetProperty("name").GetString()));
        }

        // The same button pressed twice: two template_card_events, one move.
        foreach (var _ in new[] { 1, 2 })
        {
            var push = await _world.ControlAsync(
                "staff/press-card-button", new { corpid = _world.BeijingCorpId, userid = _world.Advisor.UserId, task_id = taskId, event_key = "acknowledge" });
            await _world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{push.GetProperty("push_id").GetInt64()}?wait_seconds=10", UriKind.Relative));
        }

        await Poll.UntilAsync(() => GetAsync(consumer, first.Id), c => c.Status == "处理中", Deadline.BackgroundWork, "the acknowledgement");
        await _world.AwaitMessagesAsync("wecom/message/update_template_card", _world.Advisor.UserId, 1, "the card greyed out");

        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, first.Id, "listen", new { note = "听取了客户的完整描述" });
        await FireAsStaffAsync(advisor, first.Id, "empathize", new { note = "理解客户的不便" });
        await FireAsStaffAsync(advisor, first.Id, "apologize", new { note = "当面致歉" });
        await FireAsStaffAsync(advisor, first.Id, "delight", new { note = "赠送一次免费保养" });
        await FireAsStaffAsync(advisor, first.Id, "resolve", new { resolution = "更换了零件并免除工时费" });
        var resolved = await Poll.UntilAsync(() => GetAsync(consumer, first.Id), c => c.SurveyOpen, Deadline.BackgroundWork, "the survey");
        Assert.Equal("已解决", resolved.Status);

        var reopened = await AnswerSurveyAsync(consumer, first.Id, satisfaction: 2, recommend: 3);
        Assert.Equal("处理中", reopened.Status);
        await _world.AwaitMessagesAsync(WecomSend, _world.GeneralManager.UserId, 1, "the supervisor notice");

        using var manager = await _world.StaffAsync(_world.Manager);
        await FireAsStaffAsync(manager, first.Id, "confirm_follow_up", new { followUpNote = "已电话回访，客户接受处理结果" });
        await Poll.UntilAsync(() => GetAsync(consumer, first.Id), c => c.Status == "已关闭", Deadline.BackgroundWork, "the close");

        var toConsumer = await _world.AwaitMessagesAsync(TemplateSend, openId, 6, "six consumer messages");
        Assert.Equal(["处理中", "处理中", "已关闭", "已受理", "已解决", "已解决"], toConsumer.Select(m => Keyword(m, "phrase2")).Order());
        Assert.All(toConsumer, m => Assert.Equal(_world.BeijingAppId, m.GetProperty("sender").GetString()));
        Assert.Contains(toConsumer, m => Keyword(m, "thing4") == "您的投诉已处理完毕");

        var toAdvisor = await _world.AwaitMessagesAsync(WecomSend, _world.Advisor.UserId, 2, "the reopened notice");
        Assert.Equal(["template_card", "textcard"], toAdvisor.Select(m => m.GetProperty("msg_type").GetString()));
        Assert.All(toAdvisor, m => Assert.Equal(new Uri(_world.Host.BaseAddress, $"/wecom-app/#/cases/{first.Id}").AbsoluteUri, CasePage(m)));
        Assert.Contains("重新打开", Text(toAdvisor[1]), StringComparison.Ordinal);
        Assert.Contains("确认关闭", Text(Assert.Single(await _world.MessagesAsync(WecomSend, _world.Manager.UserId))), StringComparison.Ordinal);
        Assert.Contains("确认关闭", Text(Assert.Single(await _world.MessagesAsync(WecomSend, _world.GeneralManager.UserId))), StringComparison.Ordinal);

        var history = (await _world.CaseAsync(first.Id)).History.Select(h => h.Trigger).ToList();
        Assert.Single(history, t => t == "acknowledge");
        Assert.Equal("closed", (await _world.CaseAsync(first.Id)).State);
        Assert.Equal(6, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM case_messages WHERE channel = 'official-account' AND status = 'sent'", new { }));
    }

    [Fact]
    public async Task A_first_response_breach_in_business_hours_escalates_to_the_service_manager()
    {
        // The dealer has recorded no hours, so the default holds (09:00-18:00 every day, Beijing time): a high complaint
        // filed at 10:00 has its 4 business hours run out at 14:00.
        await _world.FollowAsync(_world.People[1]);
        _world.Clock.AdvanceTo(_world.NextBeijingTime(new TimeOnly(10, 0)));
        using var consumer = await _world.SignInAsync(_world.People[1]);
        var complaint = await FileAsync(consumer, "urgent", "车辆故障", "high");
        await _world.AwaitMessagesAsync(WecomSend, _world.Advisor.UserId, 1, "the advisor's card");
        var filed = await _world.CaseAsync(complaint.Id);
        Assert.Equal(filed.History[0].At + TimeSpan.FromHours(4), Assert.Single(filed.Timers, t => t.Key == "first_response_breach_high").DueAt);

        _world.Clock.Advance(TimeSpan.FromHours(5));

        var breached = await Poll.UntilAsync(
            () => _world.CaseAsync(complaint.Id), c => c.History.Any(h => h.Trigger == "first_response_overdue"), Deadline.BackgroundWork, "the first-response breach");
        Assert.Equal("escalated", breached.State);
        Assert.NotNull(breached.BreachedAt);
        Assert.Contains(breached.History, h => h.Trigger == "first_response_reminder");
        var escalation = Assert.Single(await _world.AwaitMessagesAsync(WecomSend, _world.Manager.UserId, 1, "the escalation notice"));
        Assert.Contains("升级", Text(escalation), StringComparison.Ordinal);
        var toAdvisor = await _world.AwaitMessagesAsync(WecomSend, _world.Advisor.UserId, 2, "the reminder");
        Assert.Contains("首次响应", Text(toAdvisor[1]), StringComparison.Ordinal);

        // The consumer still sees 已受理 and may still cancel: nobody has responded.
        Assert.Equal("已受理", (await GetAsync(consumer, complaint.Id)).Status);
    }

    [Fact]
    public async Task The_consumer_can_cancel_before_staff_respond_but_not_after()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var early = await FileAsync(consumer, "a", "销售承诺", "low");
        var cancelled = await PostAsync(consumer, $"{Complaints}/{early.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("已关闭", (await cancelled.Content.ReadFromJsonAsync<ComplaintResponse>())!.Status);

        var late = await FileAsync(consumer, "b", "维修质量", "normal");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await Poll.UntilAsync(() => _world.CaseAsync(late.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        await FireAsStaffAsync(advisor, late.Id, "acknowledge", new { });
        var refused = await PostAsync(consumer, $"{Complaints}/{late.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Another_consumer_or_another_dealers_staff_cannot_see_or_move_the_complaint()
    {
        using var owner = await _world.ConsumerAsync(_world.People[0]);
        using var stranger = await _world.ConsumerAsync(_world.People[2]);
        var complaint = await FileAsync(owner, "mine", "服务态度", "normal");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"{Complaints}/{complaint.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger, $"{Complaints}/{complaint.Id}/cancel", null)).StatusCode);
        Assert.Empty(await ListAsync(stranger));

        using var shanghai = await _world.StaffAsync(_world.ShanghaiManager);
        var inbox = await shanghai.GetFromJsonAsync<JsonElement>(new Uri("/api/staff/cases?view=dealer", UriKind.Relative));
        Assert.DoesNotContain(inbox.EnumerateArray(), c => c.GetProperty("id").GetGuid() == complaint.Id);
        using var fire = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/cases/{complaint.Id}/transitions/acknowledge", UriKind.Relative))
        {
            Content = JsonContent.Create(new { }),
        };
        fire.Headers.Add("Idempotency-Key", "shanghai");
        Assert.Equal(HttpStatusCode.NotFound, (await shanghai.SendAsync(fire)).StatusCode);
        Assert.Equal("received", (await _world.CaseAsync(complaint.Id)).State);
    }

    [Fact]
    public async Task The_new_complaint_cards_ask_for_more_button_works_in_the_state_the_card_is_sent_in()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var openId = await _world.OpenIdAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "ask", "维修质量", "high");
        var card = Assert.Single(await _world.AwaitMessagesAsync(WecomSend, _world.Advisor.UserId, 1, "the advisor's card"));
        var template = card.GetProperty("body").GetProperty("template_card");
        Assert.Equal("新投诉（紧急）", template.GetProperty("main_title").GetProperty("title").GetString());
        Assert.Equal("received", (await _world.CaseAsync(complaint.Id)).State);

        var push = await _world.ControlAsync(
            "staff/press-card-button",
            new { corpid = _world.BeijingCorpId, userid = _world.Advisor.UserId, task_id = template.GetProperty("task_id").GetString(), event_key = "request_info" });
        await _world.Host.Http.GetStringAsync(new Uri($"/sandbox/control/pushes/{push.GetProperty("push_id").GetInt64()}?wait_seconds=10", UriKind.Relative));

        var asked = await Poll.UntilAsync(() => GetAsync(consumer, complaint.Id), c => c.Question is not null, Deadline.BackgroundWork, "the question");
        Assert.Equal("处理中", asked.Status);
        Assert.Equal("请补充投诉的详细情况：时间、地点、车辆和经过。", asked.Question);
        Assert.Equal("awaiting_consumer_info", (await _world.CaseAsync(complaint.Id)).State);
        var messages = await _world.AwaitMessagesAsync(TemplateSend, openId, 2, "the request for information");
        var request = Assert.Single(messages, m => Keyword(m, "thing4") == "我们需要您补充信息");
        Assert.Equal(TemplateValue.Fit("thing5", asked.Question!), Keyword(request, "thing5"));
        await _world.AwaitMessagesAsync("wecom/message/update_template_card", _world.Advisor.UserId, 1, "the card greyed out");
    }

    [Fact]
    public async Task Resolving_needs_listen_empathize_apologize_and_delight_and_the_refusal_names_the_missing_ones()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "lead", "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        await FireAsStaffAsync(advisor, complaint.Id, "listen", new { note = "听取了客户的完整描述" });
        await FireAsStaffAsync(advisor, complaint.Id, "apologize", new { note = "当面致歉" });

        var refused = await TryFireAsStaffAsync(advisor, complaint.Id, "resolve", new { resolution = "更换了零件" });

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("共情、超出期望", body, StringComparison.Ordinal);
        Assert.DoesNotContain("倾听", body, StringComparison.Ordinal);
        Assert.Equal("in_progress", (await _world.CaseAsync(complaint.Id)).State);

        await FireAsStaffAsync(advisor, complaint.Id, "empathize", new { note = "理解客户的不便" });
        await FireAsStaffAsync(advisor, complaint.Id, "delight", new { note = "赠送一次免费保养" });
        await FireAsStaffAsync(advisor, complaint.Id, "resolve", new { resolution = "更换了零件" });
        Assert.Equal("resolved", (await _world.CaseAsync(complaint.Id)).State);
    }

    [Fact]
    public async Task A_step_with_wrongly_typed_oversized_or_unknown_fields_is_refused_naming_each_and_the_consumers_view_still_works()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "typed", "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        var before = await _world.CaseAsync(complaint.Id);

        var mistyped = await RefusalAsync(advisor, complaint.Id, "request_info", new { question = 42, description = "改写客户的投诉", severity = "low" });
        var oversized = await RefusalAsync(advisor, complaint.Id, "request_info", new { question = new string('问', 501) });

        Assert.Equal(
            ["question: must be text", "description: is not an input of this step", "severity: is not an input of this step"], mistyped);
        Assert.Equal(["question: must be at most 500 characters"], oversized);
        var after = await _world.CaseAsync(complaint.Id);
        Assert.Equal((before.State, before.Version, before.Data.ToJsonString()), (after.State, after.Version, after.Data.ToJsonString()));
        var view = await GetAsync(consumer, complaint.Id);
        Assert.Equal((complaint.Description, complaint.Severity, "处理中"), (view.Description, view.Severity, view.Status));
    }

    [Fact]
    public async Task Staff_input_is_kept_apart_from_what_the_consumer_filed()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "apart", "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        var filed = (await _world.CaseAsync(complaint.Id)).Data.ToJsonString();

        await FireAsStaffAsync(advisor, complaint.Id, "request_info", new { question = "请补充发生的时间。" });

        var asked = await _world.CaseAsync(complaint.Id);
        Assert.Equal(filed, asked.Data.ToJsonString());
        Assert.Equal("请补充发生的时间。", asked.LatestInput["question"]!.GetValue<string>());
        Assert.Equal("请补充发生的时间。", (await GetAsync(consumer, complaint.Id)).Question);
    }

    [Fact]
    public async Task Remedy_points_are_positive_whole_numbers_and_grants_that_together_exceed_the_advisors_limit_need_the_manager()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "remedy", "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        using var manager = await _world.StaffAsync(_world.Manager);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });

        Assert.Equal(["remedyPoints: must be at least 1"], await RefusalAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = -300, remedyDescription = "倒扣积分" }));
        Assert.Equal(["remedyPoints: must be at least 1"], await RefusalAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 0, remedyDescription = "零积分" }));
        Assert.Equal(["remedyPoints: must be a whole number"], await RefusalAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 299.5, remedyDescription = "半个积分" }));
        Assert.Equal(["remedyPoints: must be a whole number"], await RefusalAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = "300", remedyDescription = "文字积分" }));
        Assert.Equal(0, await RemediesAsync(complaint.Id));

        // The limit is 500 per case: 300 is the advisor's to grant, a second 300 (600 in all) needs the manager.
        await FireAsStaffAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 300, remedyDescription = "赠送保养积分" });
        await Poll.UntilAsync(() => RemediesAsync(complaint.Id), n => n == 1, Deadline.BackgroundWork, "the first grant");
        await FireAsStaffAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 300, remedyDescription = "再赠送保养积分" });

        Assert.Equal("awaiting_manager_approval", (await _world.CaseAsync(complaint.Id)).State);
        Assert.Equal(1, await RemediesAsync(complaint.Id));
        await FireAsStaffAsync(manager, complaint.Id, "approve_remedy", new { });
        await Poll.UntilAsync(() => RemediesAsync(complaint.Id), n => n == 2, Deadline.BackgroundWork, "the approved grant");
        Assert.Equal(600, await _world.QuerySingleAsync<long>("SELECT CAST(SUM(points) AS BIGINT) FROM complaint_remedies WHERE case_id = @id", new { id = complaint.Id }));
    }

    [Fact]
    public async Task Staff_are_offered_the_steps_their_role_may_take_in_the_cases_state_with_fields_and_chinese_labels()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var complaint = await FileAsync(consumer, "offered", "服务态度", "normal");
        await Poll.UntilAsync(() => _world.CaseAsync(complaint.Id), c => c.AssigneeStaffId is not null, Deadline.BackgroundWork, "the assignment");
        using var advisor = await _world.StaffAsync(_world.Advisor);
        using var manager = await _world.StaffAsync(_world.Manager);
        using var otherDealersManager = await _world.StaffAsync(_world.ShanghaiManager);

        var received = await TransitionsAsync(advisor, complaint.Id);
        await FireAsStaffAsync(advisor, complaint.Id, "acknowledge", new { });
        await FireAsStaffAsync(advisor, complaint.Id, "offer_remedy", new { remedyPoints = 800, remedyDescription = "赠送保养积分" });
        var advisorWaiting = await TransitionsAsync(advisor, complaint.Id);
        var managerWaiting = await TransitionsAsync(manager, complaint.Id);
        using var foreign = await otherDealersManager.GetAsync(new Uri($"/api/staff/cases/{complaint.Id}/transitions", UriKind.Relative));

        Assert.Equal(("received", 2), (received.State, received.Version));
        Assert.Equal([("acknowledge", "受理"), ("request_info", "请客户补充信息")], received.Transitions.Select(t => (t.Trigger, t.Label)));
        var question = Assert.Single(received.Transitions[1].Input);
        Assert.Equal(("question", "需要客户补充的问题", InputFieldType.Text, true, (int?)500), (question.Name, question.Label, question.Type, question.Required, question.MaxLength));
        Assert.Equal("awaiting_manager_approval", advisorWaiting.State);
        Assert.Empty(advisorWaiting.Transitions);
        Assert.Equal([("approve_remedy", "批准补偿"), ("reject_remedy", "驳回补偿")], managerWaiting.Transitions.Select(t => (t.Trigger, t.Label)));
        Assert.Equal(("reason", "原因"), (managerWaiting.Transitions[1].Input[0].Name, managerWaiting.Transitions[1].Input[0].Label));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    internal static async Task<ComplaintResponse> FileAsync(HttpClient consumer, string key, string category, string severity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Complaints)
        {
            Content = JsonContent.Create(new { category, description = "保养后发动机异响，沟通时态度冷淡。", severity, vehicle = "京A12345" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await consumer.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ComplaintResponse>())!;
    }

    private static async Task<IReadOnlyList<ComplaintResponse>> ListAsync(HttpClient consumer) =>
        (await consumer.GetFromJsonAsync<List<ComplaintResponse>>(Complaints))!;

    private static async Task<ComplaintResponse> GetAsync(HttpClient consumer, Guid id) =>
        (await consumer.GetFromJsonAsync<ComplaintResponse>(new Uri($"{Complaints}/{id}", UriKind.Relative)))!;

    private static async Task<ComplaintResponse> AnswerSurveyAsync(HttpClient consumer, Guid id, int satisfaction, int recommend)
    {
        var response = await PostAsync(consumer, $"{Complaints}/{id}/survey", new { satisfaction, recommend });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ComplaintResponse>())!;
    }

    /// <summary>A POST as the apps send it: with a fresh Idempotency-Key.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    internal static async Task FireAsStaffAsync(HttpClient staff, Guid id, string trigger, object input)
    {
        using var response = await TryFireAsStaffAsync(staff, id, trigger, input);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{trigger}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpResponseMessage> TryFireAsStaffAsync(HttpClient staff, Guid id, string trigger, object input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/staff/cases/{id}/transitions/{trigger}", UriKind.Relative))
        {
            Content = JsonContent.Create(input),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await staff.SendAsync(request);
    }

    /// <summary>Fires a step that must be refused with 422 and answers the refusal's details (one per bad field).</summary>
    private static async Task<IReadOnlyList<string>> RefusalAsync(HttpClient staff, Guid id, string trigger, object input)
    {
        using var response = await TryFireAsStaffAsync(staff, id, trigger, input);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{trigger}: {(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("InvalidInput", problem.RootElement.GetProperty("reason").GetString());
        return [.. problem.RootElement.GetProperty("details").EnumerateArray().Select(d => d.GetString()!)];
    }

    internal static async Task<CaseTransitions> TransitionsAsync(HttpClient staff, Guid id) =>
        (await staff.GetFromJsonAsync<CaseTransitions>(new Uri($"/api/staff/cases/{id}/transitions", UriKind.Relative), JsonSerializerOptions.Web))!;

    private Task<long> RemediesAsync(Guid id) =>
        _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaint_remedies WHERE case_id = @id", new { id });

    private static string? Keyword(JsonElement message, string field) =>
        message.GetProperty("body").GetProperty("data").GetProperty(field).GetProperty("value").GetString();

    /// <summary>What a staff member reads: a text card's title and description, or a text's content.</summary>
    internal static string Text(JsonElement message)
    {
        var body = message.GetProperty("body");
        return body.TryGetProperty("textcard", out var card)
            ? $"{card.GetProperty("title").GetString()}\n{WebUtility.HtmlDecode(card.GetProperty("description").GetString())}"
            : body.GetProperty("text").GetProperty("content").GetString()!;
    }

    /// <summary>The page a staff message opens: a text card's URL or a template card's card_action.</summary>
    private static string? CasePage(JsonElement message)
    {
        var body = message.GetProperty("body");
        return body.TryGetProperty("textcard", out var card)
            ? card.GetProperty("url").GetString()
            : body.GetProperty("template_card").GetProperty("card_action").GetProperty("url").GetString();
    }
}

public sealed class ComplaintTests_on_Sqlite() : ComplaintTests(DatabaseProvider.Sqlite);

public sealed class ComplaintTests_on_Postgres() : ComplaintTests(DatabaseProvider.Postgres);
