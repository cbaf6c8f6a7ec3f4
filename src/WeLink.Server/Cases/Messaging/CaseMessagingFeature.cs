using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Contracts;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Cases.Messaging;

/// <summary>
/// Case messaging for every process: the notices definitions declare, the messenger and its ledger, and the handler for
/// card button presses. A process registers its definition (with its notices and texts) and writes no messaging code.
/// </summary>
public static class CaseMessagingFeature
{
    public static IServiceCollection AddCaseMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseMessagingOptions>().Bind(configuration.GetSection(CaseMessagingOptions.SectionName));
        services.AddSingleton<AccountTemplates>();
        services.AddSingleton<SubscribeConsents>();
        services.AddSingleton<ICaseRecipientErasure, CaseRecipientErasure>();
        services.AddInboxHandler<SubscribeEventsHandler>();
        services.AddSingleton<StatusTemplateMessages>();
        services.AddSingleton<IStatusTemplateMessages>(sp => sp.GetRequiredService<StatusTemplateMessages>());
        services.AddSingleton<MessageAddresses>();
        services.AddSingleton<CaseMessenger>();
        services.AddSingleton<NoticeAction>();
        services.AddSingleton<ICaseActionHandler>(sp => sp.GetRequiredService<NoticeAction>());
        services.AddInboxHandler<CaseCardHandler>(ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>The consumer API of case messaging: the mini program's subscribe templates.</summary>
    public static IEndpointRouteBuilder MapCaseMessaging(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMiniProgramSubscriptionEndpoints();
        return endpoints;
    }
}
