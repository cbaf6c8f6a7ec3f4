using Microsoft.Extensions.Options;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Cases.Handover;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Cases.Outbox;
using WeLink.Server.Cases.Timers;
using WeLink.Server.Cases.Workload;
using WeLink.Server.Data.Queues;
using WeLink.Workflow.Actions;

namespace WeLink.Server.Cases;

public static class CasesFeature
{
    /// <summary>
    /// The case engine, its definitions and parameter settings, the timer runner, the outbox, the inbox stores and case
    /// messaging (the notices definitions declare). The
    /// engine also needs an <see cref="IDealerCalendars"/>, which the calendars feature provides, and the staff directory
    /// (<see cref="Onboarding.Contracts.IStaffDirectory"/>), which onboarding provides.
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.SectionName))
            .Validate(o => o.OutboxDispatchConcurrency is > 0 and <= 64, "Cases:OutboxDispatchConcurrency must be between 1 and 64.")
            .Validate(o => o.OutboxRetention >= QueueRetention.Shortest, "Cases:OutboxRetention must be at least one day.")
            .Validate(o => o.DefinitionCacheSize >= 1, "Cases:DefinitionCacheSize must be at least 1.")
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CasesJsonContext.Default));
        services.AddSingleton<CaseRoleCatalog>();
        services.AddSingleton(sp => new CaseActionRegistry(sp.GetServices<ICaseActionHandler>(), sp.GetRequiredService<CaseRoleCatalog>().Roles));
        services.AddCaseAction<AssignActionHandler>();
        services.AddSingleton(sp => new PublishedDefinitionCache(sp.GetRequiredService<IOptions<CaseOptions>>().Value.DefinitionCacheSize));
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<ParameterSettingsStore>();
        services.AddSingleton<CaseAssignees>();
        services.AddSingleton<CaseEngine>();
        services.AddSingleton<IWaitingCaseHandover, WaitingCaseHandover>();
        services.AddSingleton<IAssigneeWorkload, AssigneeWorkload>();
        services.AddSingleton<OutboxStore>();
        services.AddQueueRetention<CaseOptions>(new RetainedRows("outbox", "completed_at", [OutboxStore.Done]), o => o.OutboxRetention);
        services.AddSingleton<StaffInboxStore>();
        services.AddSingleton<StaffCaseView>();
        // A case's details and the staff's views read its definition and the messages sent about it.
        services.AddSingleton<CaseDefinitions>();
        services.AddSingleton<CaseMessageLedger>();
        services.AddSingleton<CaseDetailsStore>();
        services.AddSingleton<ICaseSearch, CaseSearchStore>();
        services.AddSingleton<ISubjectCases, SubjectCaseStore>();
        services.AddSingleton<DefinitionAdmin>();
        services.AddQueueWorker<CaseTimerRunner>();
        services.AddQueueWorker<OutboxDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaffCaseEndpoints();
        endpoints.MapStaffContactEndpoints();
        endpoints.MapAdminCaseEndpoints();
        endpoints.MapDefinitionEndpoints();
        return endpoints;
    }

    /// <summary>Registers a named action handler; definitions naming <see cref="ICaseActionHandler.Name"/> validate against it.</summary>
    public static IServiceCollection AddCaseAction<THandler>(this IServiceCollection services)
        where THandler : class, ICaseActionHandler
    {
        services.AddSingleton<ICaseActionHandler, THandler>();
        return services;
    }

    /// <summary>Adds a shipped definition version (a JSON file the feature embeds).</summary>
    public static IServiceCollection AddShippedDefinition(this IServiceCollection services, ShippedDefinition definition)
    {
        services.AddSingleton(definition);
        return services;
    }

    /// <summary>Adds staff roles a feature's definitions name, beyond <see cref="Tenancy.Access.StaffRoles"/>.</summary>
    public static IServiceCollection AddCaseRoles(this IServiceCollection services, params string[] roles)
    {
        services.AddSingleton(new CaseRoleSet(roles));
        return services;
    }
}
