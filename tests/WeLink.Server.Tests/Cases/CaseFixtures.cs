using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Tenancy.Access;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Cases;

/// <summary>The test-only example process (key <c>example</c>), its actions, and tenants to run it for.</summary>
public static class CaseFixtures
{
    public static readonly string[] ExampleActions =
    [
        "send_receipt", "notify_consumer_status", "notify_staff_new_complaint", "notify_staff_cancelled",
        "remind_first_response", "escalate_to_service_manager", "remind_resolution", "escalate_to_general_manager",
        "escalate_to_regional_manager", "ask_consumer_for_info", "notify_owner", "request_manager_approval",
        "grant_remedy", "send_survey", "notify_owner_reopened", "notify_supervisor",
    ];

    public static readonly Actor Handler = Actor.Staff(Guid.NewGuid().ToString(), StaffRoles.ServiceAdvisor);

    public static string ExampleJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Definitions", "example.v1.json"));

    /// <summary>
    /// What a feature would register for the example: its definition and its action handlers (its roles are the product's).
    /// In a whole host the shipped definitions and the features' handlers (all but the engine's own) make way for the
    /// example's recording ones.
    /// </summary>
    public static IServiceCollection AddExampleProcess(this IServiceCollection services, RecordingActions actions)
    {
        services.RemoveAll<ShippedDefinition>();
        foreach (var complaintHandler in services.Where(d => d.ServiceType == typeof(ICaseActionHandler)
            && (d.ImplementationType ?? d.ImplementationInstance?.GetType())?.Namespace?.StartsWith("WeLink.Server.Cases", StringComparison.Ordinal) != true).ToList())
        {
            services.Remove(complaintHandler);
        }

        services.AddShippedDefinition(new ShippedDefinition(ExampleJson()));
        foreach (var handler in actions.Handlers(ExampleActions))
        {
            services.AddSingleton(handler);
        }

        return services;
    }

    public static JsonObject Complaint(string severity = "normal") => new() { ["severity"] = severity, ["description"] = "The car was not washed." };

    /// <summary>A new brand (or the given one) with one approved dealer; returns their ids.</summary>
    public static async Task<(Guid Brand, Guid Dealer)> SeedDealerAsync(this TestDatabase database, Guid? brand = null)
    {
        var seed = Seed.In(database);
        var seeded = await (brand is { } existing ? seed.Brand(existing) : seed.Brand($"brand-{Guid.NewGuid():N}"))
            .Dealer($"d-{Guid.NewGuid():N}", d => d.Approved());
        return (seeded.Id, seeded.Dealers[0].Id);
    }
}
