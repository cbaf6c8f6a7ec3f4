using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Tests.Support;
using WeLink.Workflow.Actions;
using WeLink.Workflow.Engine;

namespace WeLink.Server.Tests.Cases;

/// <summary>The complaint example definition, its roles and actions, and tenants to run it for.</summary>
public static class CaseFixtures
{
    public static readonly string[] ComplaintRoles = ["complaint_handler", "service_manager", "general_manager", "supervisor"];

    public static readonly string[] ComplaintActions =
    [
        "send_receipt", "notify_consumer_status", "notify_staff_new_complaint", "notify_staff_cancelled",
        "remind_first_response", "escalate_to_service_manager", "remind_resolution", "escalate_to_general_manager",
        "escalate_to_regional_manager", "ask_consumer_for_info", "notify_owner", "request_manager_approval",
        "grant_remedy", "send_survey", "notify_owner_reopened", "notify_supervisor",
    ];

    public static readonly Actor Handler = Actor.Staff(Guid.NewGuid().ToString(), "complaint_handler");

    public static string ComplaintJson() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "Definitions", "complaint.v1.json"));

    /// <summary>
    /// What a complaints feature would register: the shipped definition, its roles and its action handlers. In a whole
    /// host the shipped definitions and the features' handlers (all but the engine's own) make way for the example's recording ones.
    /// </summary>
    public static IServiceCollection AddComplaintExample(this IServiceCollection services, RecordingActions actions)
    {
        services.RemoveAll<ShippedDefinition>();
        foreach (var complaintHandler in services.Where(d => d.ServiceType == typeof(ICaseActionHandler)
            && (d.ImplementationType ?? d.ImplementationInstance?.GetType())?.Namespace?.StartsWith("WeLink.Server.Cases", StringComparison.Ordinal) != true).ToList())
        {
            services.Remove(complaintHandler);
        }

        services.AddShippedDefinition(new ShippedDefinition(ComplaintJson()));
        services.AddCaseRoles(ComplaintRoles);
        foreach (var handler in actions.Handlers(ComplaintActions))
        {
            services.AddSingleton(handler);
        }

        return services;
    }

    public static JsonObject Complaint(string severity = "normal") => new() { ["severity"] = severity, ["description"] = "The car was not washed." };

    /// <summary>Inserts a brand with one dealer; returns their ids.</summary>
    public static async Task<(Guid Brand, Guid Dealer)> SeedDealerAsync(this TestDatabase database, Guid? brand = null)
    {
        var brandId = brand ?? Guid.CreateVersion7();
        var dealerId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using var connection = await database.OpenAsync();
        if (brand is null)
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO brands (id, name, created_at) VALUES (@brandId, @name, @now)", new { brandId, name = $"brand-{brandId:N}", now });
        }

        await Dapper.SqlMapper.ExecuteAsync(
            connection,
            "INSERT INTO dealers (id, brand_id, region_id, code, name, status, created_at, updated_at, version) VALUES (@dealerId, @brandId, NULL, @code, 'Dealer', 'approved', @now, @now, 1)",
            new { dealerId, brandId, code = $"d-{dealerId:N}", now });
        return (brandId, dealerId);
    }
}
