using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Complaints.Actions;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Complaints.Contracts;

namespace WeLink.Server.Complaints;

/// <summary>Complaints on the case engine: the shipped definition (with its notices and texts), its own actions (the advisor
/// assignment and remedies) and the consumer API. Staff act through the cases inbox
/// (<c>/api/staff/cases/{id}/transitions/{trigger}</c>) or the cards case messaging sends and routes.</summary>
public static class ComplaintsFeature
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ComplaintsJsonContext.Default));
        services.AddShippedDefinition(ShippedDefinition.FromEmbeddedResource(typeof(ComplaintsFeature).Assembly, ComplaintDefinition.ResourceName));
        services.AddSingleton<ComplaintStore>();
        services.AddSingleton<IComplaintFiling, ComplaintFiling>();
        services.AddSingleton<AdvisorPicker>();
        services.AddSingleton<ComplaintCategories>();
        services.AddSingleton<ComplaintSeverities>();
        services.AddSingleton<ComplaintViews>();
        services.AddCaseAction<AssignServiceAdvisorAction>();
        services.AddCaseAction<GrantRemedyAction>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsumerComplaintEndpoints();
        return endpoints;
    }
}
