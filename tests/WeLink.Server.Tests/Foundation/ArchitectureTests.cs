using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace WeLink.Server.Tests.Foundation;

/// <summary>The dependency rules of architecture.md, checked on the compiled assemblies.</summary>
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
}
