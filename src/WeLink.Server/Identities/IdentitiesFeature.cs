using Microsoft.AspNetCore.Authentication.BearerToken;
using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Data.Queues;
using WeLink.Server.Identities.Contacts;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Identities.Dealers;
using WeLink.Server.Identities.MiniPrograms;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Identities;

public static class IdentitiesFeature
{
    /// <summary>Consumer and staff sign-in, their sessions' stores and rechecks, and the follow-event inbox handler.</summary>
    public static IServiceCollection AddIdentities(this IServiceCollection services)
    {
        services.AddSingleton<SignInStates>();
        services.AddSingleton<DealerAccounts>();
        services.AddSingleton<ConsumerStore>();
        services.AddSingleton<BrandDealers>();
        services.AddSingleton<MiniProgramSessionStore>();
        services.AddSingleton<MiniProgramTokens>();
        services.AddSingleton<MiniProgramTokenChecks>();
        services.Configure<BearerTokenOptions>(WeLinkSchemes.ConsumerBearer, o => MiniProgramTokenChecks.Attach(o.Events));
        services.AddSingleton<IConsumerDirectory, ConsumerDirectory>();
        services.AddSingleton<IConsumerErasure, ConsumerErasure>();

        // Transient: it holds a typed HttpClient (the corp client), which must not live as long as a singleton.
        services.AddTransient<ExternalContacts>();
        services.AddTransient<IExternalContacts>(sp => sp.GetRequiredService<ExternalContacts>());
        services.AddSingleton<ExternalContactStore>();
        services.AddSingleton<ContactConversionStore>();
        services.AddSingleton<ContactConversionIntake>();
        services.AddTransient<ContactLinker>();
        services.AddQueueWorker<ContactConversionWorker>();
        services.AddSingleton<IAccountWriters, AccountWriters>();
        services.AddSingleton<ISessionSubjects, StaffSessionSubjects>();
        services.AddSingleton<ISessionSubjects, ConsumerSessionSubjects>();
        // Transient: it holds a typed HttpClient, which must not live as long as a singleton.
        services.AddInboxHandler<ConsumerFollowHandler>();
        services.AddInboxHandler<ExternalContactChangeHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, IdentitiesJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapIdentities(this IEndpointRouteBuilder app)
    {
        app.MapConsumerSignInEndpoints();
        app.MapMiniProgramSessionEndpoints();
        app.MapConsumerDealerEndpoints();
        app.MapStaffSignInEndpoints();
        app.MapIdentityEndpoints();
        app.MapStaffColleagueEndpoints();
        return app;
    }
}
