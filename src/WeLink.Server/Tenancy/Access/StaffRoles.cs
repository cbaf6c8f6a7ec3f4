namespace WeLink.Server.Tenancy.Access;

/// <summary>Roles a dealer admin gives staff; workflow definitions name them as <c>staff:&lt;role&gt;</c>.</summary>
public static class StaffRoles
{
    public const string Consultant = "consultant";
    public const string ServiceAdvisor = "service-advisor";
    public const string ServiceManager = "service-manager";
    public const string GeneralManager = "general-manager";

    public static IReadOnlyList<string> All { get; } = [Consultant, ServiceAdvisor, ServiceManager, GeneralManager];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [Consultant] = "销售顾问",
        [ServiceAdvisor] = "服务顾问",
        [ServiceManager] = "服务经理",
        [GeneralManager] = "总经理",
    };

    /// <summary>What staff and admins read for a role; an unknown role reads as itself.</summary>
    public static string LabelOf(string role) => Labels.GetValueOrDefault(role, role);
}
