using WeLink.Server.Tenancy.Access;

namespace WeLink.Workflow.Tests.Support;

/// <summary>What a host would register for the example process: its action handlers and the product's staff roles.</summary>
internal static class Catalog
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StaffRoles.All, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "send_receipt", "notify_consumer_status", "notify_staff_new_complaint", "notify_staff_cancelled",
        "remind_first_response", "escalate_to_service_manager", "remind_resolution", "escalate_to_general_manager",
        "escalate_to_regional_manager", "ask_consumer_for_info", "notify_owner", "request_manager_approval",
        "grant_remedy", "send_survey", "notify_owner_reopened", "notify_supervisor", "notify",
    };
}
