using Quartz;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Members.Consents;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.DataRights;
using WeLink.Server.Members.Joining;

namespace WeLink.Server.Members.Api;

/// <summary>
/// The member's own side: joining on the case engine (<c>member_card.v1</c> with its card and opening-gift actions),
/// consents (<see cref="IMemberConsents"/> for every feature that must ask), and the consumer API.
/// </summary>
public static class ConsumerMembersFeature
{
    public static IServiceCollection AddConsumerMembers(this IServiceCollection services)
    {
        services.AddShippedDefinition(ShippedDefinition.FromEmbeddedResource(typeof(ConsumerMembersFeature).Assembly, MemberCardDefinition.ResourceName));
        services.AddSingleton<MemberConsents>();
        services.AddSingleton<IMemberConsents>(s => s.GetRequiredService<MemberConsents>());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ConsumerMembersJsonContext.Default));
        services.AddSingleton<CardIssue>();
        services.AddSingleton<MemberJoining>();
        services.AddSingleton<MemberProfileEdits>();
        services.AddSingleton<MemberDataRights>();
        services.AddSingleton<MemberErasures>();
        services.AddQuartz(q => q.ScheduleJob<ResumeDeletionsJob>(
            trigger => trigger
                .WithIdentity(ResumeDeletionsJob.Key.Name, ResumeDeletionsJob.Key.Group)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(ResumeDeletionsJob.Interval).RepeatForever()),
            job => job.WithIdentity(ResumeDeletionsJob.Key)));
        services.AddCaseAction<IssueMemberCardAction>();
        services.AddCaseAction<RequestOpeningGiftAction>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsumerMembers(this IEndpointRouteBuilder endpoints) => endpoints.MapConsumerMemberEndpoints().MapConsumerDataRightsEndpoints();
}
