using Microsoft.AspNetCore.Builder;
using WeLink.Server.Data;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Cases;

/// <summary>
/// The tenancy world (brands X and Y, dealers A1, A2, B1, signed-in HQ and dealer admins) on a host that runs the
/// complaint example definition with recording actions; one per test, so versions published in one never reach another.
/// </summary>
public sealed class DefinitionWorld(DatabaseProvider provider) : TenancyWorld(provider), IAsyncDisposable
{
    public RecordingActions Actions { get; } = new();

    public static Task<DefinitionWorld> StartAsync(DatabaseProvider provider) => StartOwnAsync(new DefinitionWorld(provider));

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExampleProcess(Actions);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
