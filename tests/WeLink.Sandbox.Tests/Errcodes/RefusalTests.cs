using WeLink.Sandbox.Api;
using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Errcodes;

/// <summary>
/// The sandbox's refusals are the platforms' documented errcodes: every row of <see cref="Refusals.All"/> is met over
/// HTTP, and the README's table is that same list.
/// </summary>
public sealed class RefusalTests
{
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in Refusals.All)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_refusal_answers_its_documented_errcode_and_errmsg(string name)
    {
        var refusal = Refusals.All.Single(entry => entry.Key == name).Value;
        var scenario = RefusalScenarios.All[name];
        await using var host = await SandboxHost.StartAsync(settings: scenario.Settings?.ToDictionary());

        var answer = await scenario.Act(host);

        Assert.Equal(refusal.Errcode, answer.Errcode());
        Assert.Equal(refusal.Errmsg, answer.Text("errmsg"));
    }

    [Fact]
    public void Every_refusal_has_a_scenario_and_every_scenario_a_refusal()
    {
        var catalogue = Refusals.All.Select(entry => entry.Key).Order(StringComparer.Ordinal);

        Assert.Equal(catalogue, RefusalScenarios.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_readme_table_is_the_refusal_catalogue()
    {
        var readme = File.ReadAllText(RefusalTable.ReadmePath);

        Assert.True(
            RefusalTable.Section(readme) == RefusalTable.Render(),
            $"The table between the refusal markers in {RefusalTable.ReadmePath} differs from Refusals.All. Replace it with:\n{RefusalTable.Render()}");
    }
}
