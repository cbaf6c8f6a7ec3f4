namespace WeLink.Server.Tests.Coordination;

/// <summary>
/// A real-time bound for one test: a bug that leaves a waiter waiting fails the test instead of hanging the run.
/// </summary>
internal static class TestDeadline
{
    public static CancellationTokenSource Start() => new(TimeSpan.FromSeconds(30));
}
