using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Admin;
using WeLink.Server.Cases.Inbox;
using WeLink.Server.Cases.Messaging;
using WeLink.Server.Cases.Outbox;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace WeLink.Server.Tests.Foundation;

/// <summary>The dependency rules of docs/architecture.md, checked on the compiled assemblies.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Server = typeof(WeLink.Server.Hosting.WeLinkApp).Assembly;
    private static readonly Assembly Wechat = Assembly.Load("WeLink.Wechat");
    private static readonly Assembly Workflow = Assembly.Load("WeLink.Workflow");
    private static readonly Assembly Sandbox = Assembly.Load("WeLink.Sandbox");

    private static readonly Architecture Architecture = new ArchLoader().LoadAssemblies(Server, Wechat, Workflow, Sandbox).Build();

    public static TheoryData<string, string> ForbiddenReferences => new()
    {
        { "WeLink.Wechat", "WeLink.Server" },
        { "WeLink.Wechat", "WeLink.Workflow" },
        { "WeLink.Wechat", "WeLink.Sandbox" },
        { "WeLink.Workflow", "WeLink.Wechat" },
        { "WeLink.Workflow", "WeLink.Server" },
        { "WeLink.Workflow", "WeLink.Sandbox" },
        { "WeLink.Sandbox", "WeLink.Server" },
        { "WeLink.Sandbox", "WeLink.Workflow" },
        { "WeLink.Wechat", "Microsoft.AspNetCore" },
        { "WeLink.Wechat", "Npgsql" },
        { "WeLink.Wechat", "Microsoft.Data.Sqlite" },
        { "WeLink.Wechat", "StackExchange.Redis" },
        { "WeLink.Wechat", "Dapper" },
        { "WeLink.Workflow", "Microsoft.AspNetCore" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void An_assembly_never_references_what_the_architecture_forbids(string assembly, string forbiddenPrefix)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name == forbiddenPrefix || name.StartsWith(forbiddenPrefix + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void No_type_of_the_libraries_depends_on_a_server_type()
    {
        Types().That().ResideInAssembly(Wechat, Workflow, Sandbox)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Server))
            .Check(Architecture);
    }

    [Fact]
    public void No_workflow_type_depends_on_a_wechat_type()
    {
        Types().That().ResideInAssembly(Workflow)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Wechat))
            .Check(Architecture);
    }

    /// <summary>
    /// What every feature folder may use of the rest of the server besides another feature's <c>Contracts</c>: the
    /// infrastructure every feature builds on (<c>Shared</c>, <c>Data</c>, <c>Coordination</c>'s cache and locks,
    /// <c>Security</c>'s secret protection), the request-scope mechanism of the tenancy module (<c>Tenancy.Access</c>:
    /// schemes, policies, claims, role vocabularies, <c>TenantScope</c>, the tenant route filters; the tenancy lookups and
    /// the audit trail are its <c>Contracts</c>) and the namespaces of the case engine's surface a process is built on.
    /// </summary>
    private static readonly string[] OpenToEveryFeature =
    [
        @"WeLink\.Server\.\w+\.Contracts",
        @"WeLink\.Server\.(Shared|Data|Coordination|Security)(\.\w+)*",
        @"WeLink\.Server\.Tenancy\.Access",
        @"WeLink\.Server\.Cases\.(Engine|Definitions)",
    ];

    /// <summary>
    /// The rest of the case engine's surface, type by type, as processes use it: registering a process (actions, shipped
    /// definitions, roles), reading a case's details (with the records they are made of), and the notices a definition
    /// declares (sent from a process's own actions).
    /// </summary>
    private static readonly System.Type[] CaseEngineSurface =
    [
        typeof(CasesFeature), typeof(CaseDetailsStore), typeof(CaseDetails), typeof(CasePeople), typeof(CaseHistoryEntry), typeof(CaseTimerEntry), typeof(NoteResponse),
        typeof(OutboxItem), typeof(CaseMessage), typeof(NoticeAction), typeof(CasePayload), typeof(CaseDefinitions),
    ];

    /// <summary>
    /// The crossings the map allows by name, each with why; docs/architecture.md lists the same. Keep this short: a new
    /// entry needs a reason a contract cannot serve.
    /// </summary>
    private static readonly (string Feature, string Uses, string Why)[] NamedCrossings =
    [
        ("Admin", @"WeLink\.Server\.Tenancy",
            "the portal is the tenancy module's own UI: its pages and API manage brands, regions, dealers, admin users and the "
            + "audit log with Tenancy's stores and actions, as Tenancy would; a contract for them would repeat all of Tenancy"),
        ("Admin", @"WeLink\.Server\.(Callbacks|Cases\.Outbox)",
            "the queue page lists and retries parked callbacks and failing deliveries with the inbox's and the outbox's own "
            + "stores; not cleared yet, each needs a contract"),
    ];

    /// <summary>The feature folders: every second-level namespace of the server but the composition root and the two shared ones.</summary>
    public static TheoryData<string> Features => [.. Server.GetTypes()
        .Select(t => t.Namespace?.Split('.'))
        .Where(parts => parts is { Length: > 2 } && parts[0] == "WeLink" && parts[1] == "Server")
        .Select(parts => parts![2])
        .Except(["Hosting", "Shared", "Data"])
        .Distinct()
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_uses_another_only_through_its_contracts_and_the_surfaces_open_to_all(string feature)
    {
        var own = $@"^WeLink\.Server\.{feature}(\.\w+)*$";
        var named = NamedCrossings.Where(c => c.Feature == feature).ToList();
        Types().That().ResideInNamespaceMatching(own)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Server)
                .And().ResideInNamespaceMatching(@"^WeLink\.Server\.")
                .And().DoNotResideInNamespaceMatching(own)
                .And().DoNotResideInNamespaceMatching($"^(?:{string.Join('|', OpenToEveryFeature.Concat(named.Select(c => c.Uses)))})$")
                .And().AreNot(CaseEngineSurface))
            .Because($"{feature} may use another feature only through its Contracts, the infrastructure, Tenancy.Access and the case engine's surface"
                + string.Concat(named.Select(c => $"; and by name {c.Uses}, because {c.Why}")))
            .Check(Architecture);
    }

    [Fact]
    public void What_every_feature_uses_depends_on_no_feature()
    {
        Types().That().ResideInNamespaceMatching(@"^WeLink\.Server\.(Shared|Data)(\.\w+)*$")
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Server)
                .And().ResideInNamespaceMatching(@"^WeLink\.Server\.")
                .And().DoNotResideInNamespaceMatching(@"^WeLink\.Server\.(Shared|Data)(\.\w+)*$"))
            .Because("Shared and Data are what features build on, so they cannot build on a feature")
            .Check(Architecture);
    }

    [Fact]
    public void Nothing_but_the_composition_root_uses_hosting()
    {
        Types().That().ResideInNamespaceMatching(@"^WeLink\.Server\.(?!Hosting\b)\w+(\.\w+)*$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^WeLink\.Server\.Hosting(\.\w+)*$"))
            .Because("Hosting wires every feature together, so a feature that used it would depend on all the others")
            .Check(Architecture);
    }
}
