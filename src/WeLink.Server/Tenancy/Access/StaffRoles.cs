namespace WeLink.Server.Tenancy.Access;

/// <summary>Roles a dealer admin gives staff; workflow definitions name them as <c>staff:&lt;role&gt;</c>.</summary>
public static class StaffRoles
{
    public const string Consultant = "consultant";
    public const string ServiceAdvisor = "service-advisor";
    public const string ServiceManager = "service-manager";
    public const string GeneralManager = "general-manager";

    public static IReadOnlyList<string> All { get; } = [Consultant, ServiceAdvisor, ServiceManager, GeneralManager];
}
