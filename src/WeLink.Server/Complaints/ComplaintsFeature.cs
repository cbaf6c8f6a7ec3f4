using WeLink.Server.Access;
using WeLink.Server.Callbacks;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Complaints.Actions;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Complaints.Cards;
using WeLink.Wechat.WeCom.Models;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Complaints;

/// <summary>Complaints on the case engine: the shipped definition, its actions, the card-button handler and the consumer API.
/// Staff act through the cases inbox (<c>/api/staff/cases/{id}/transitions/{trigger}</c>) or the cards.</summary>
public static class ComplaintsFeature
{
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComplaintsOptions>().Bind(configuration.GetSection(ComplaintsOptions.SectionName));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ComplaintsJsonContext.Default));
        services.AddShippedDefinition(ShippedDefinition.FromEmbeddedResource(typeof(ComplaintsFeature).Assembly, ComplaintDefinition.ResourceName));
        services.AddSingleton<ComplaintStore>();
        services.AddSingleton<ComplaintParties>();
        services.AddSingleton<ComplaintLabels>();
        services.AddSingleton<ComplaintMessenger>();
        services.AddSingleton<ComplaintViews>();
        services.AddSingleton<ComplaintSteps>();
        services.AddInboxHandler<ComplaintCardHandler>(ServiceLifetime.Singleton);
        services.AddCaseAction<AssignServiceAdvisorAction>();
        services.AddCaseAction<GrantRemedyAction>();
        AddConsumerNotices(services);
        AddStaffNotices(services);
        return services;
    }

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsumerComplaintEndpoints();
        return endpoints;
    }

    private static void AddConsumerNotices(IServiceCollection services)
    {
        void Notice(string name, Func<ComplaintPayload, (string, string)> text) =>
            services.AddSingleton<ICaseActionHandler>(sp => new ConsumerNoticeAction(
                name, text, sp.GetRequiredService<ComplaintMessenger>(), sp.GetRequiredService<ComplaintLabels>()));

        Notice("send_receipt", c => ("您的投诉已受理", "我们会尽快安排专人与您联系。"));
        Notice("notify_consumer_status", c => ("您的投诉状态已更新", "点击查看详情。"));
        Notice("ask_consumer_for_info", c => ("我们需要您补充信息", c.Input("question") ?? "请补充投诉的详细情况。"));
        Notice("send_survey", c => ("您的投诉已处理完毕", "请为本次处理打分，您的评价将帮助我们改进。"));
    }

    private static void AddStaffNotices(IServiceCollection services)
    {
        void Notice(string name, StaffAudience audience, Func<ComplaintPayload, string> text, params CardButton[] buttons) =>
            services.AddSingleton<ICaseActionHandler>(sp => new StaffNoticeAction(
                name, audience, text, buttons, sp.GetRequiredService<ComplaintMessenger>(), sp.GetRequiredService<ComplaintParties>()));

        var managers = StaffAudience.InRoles(StaffRoles.ServiceManager);
        Notice("notify_staff_cancelled", StaffAudience.CaseOwner, c => $"客户已撤回投诉「{c.Category}」。");
        Notice("remind_first_response", StaffAudience.CaseOwner, c => $"投诉「{c.Category}」即将超过首次响应时限，请尽快受理。");
        Notice("remind_resolution", StaffAudience.CaseOwner, c => $"投诉「{c.Category}」即将超过解决时限。");
        Notice("escalate_to_service_manager", managers, c => $"升级：投诉「{c.Category}」未在时限内处理（{c.State}）。");
        Notice("escalate_to_general_manager", StaffAudience.InRoles(StaffRoles.GeneralManager), c => $"升级：投诉「{c.Category}」超过解决时限。");
        Notice("notify_owner", StaffAudience.CaseOwner, c => $"投诉「{c.Category}」有新进展：{c.Input("answer") ?? c.Input("reason") ?? c.Trigger}。");
        Notice("notify_owner_reopened", StaffAudience.CaseOwner, c => $"客户对投诉「{c.Category}」的处理不满意，投诉已重新打开，请跟进。");
        Notice("notify_supervisor", StaffAudience.InRoles(StaffRoles.ServiceManager, StaffRoles.GeneralManager),
            c => $"投诉「{c.Category}」满意度低，已重新打开；跟进后请确认关闭。");
        Notice("request_manager_approval", managers, c => $"补偿待审批：{c.Input("remedyPoints")} 积分（{c.Input("remedyDescription")}）",
            new CardButton { Text = "批准", Style = 1, Key = ComplaintDefinition.Triggers.ApproveRemedy });
    }
}
