using WeLink.Sandbox.Tests.Infrastructure;

namespace WeLink.Sandbox.Tests.Browser;

/// <summary>A sandbox for each browser test, pushing to a receiver that stands in for WeLink's callback side.</summary>
public abstract class SandboxPageTest : IAsyncLifetime
{
    protected CallbackReceiver Receiver { get; private set; } = null!;

    protected SandboxHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await CallbackReceiver.StartAsync();
        Host = await SandboxHost.StartAsync(Receiver.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
