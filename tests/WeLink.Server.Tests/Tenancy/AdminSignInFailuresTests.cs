using WeLink.Server.Tenancy;

namespace WeLink.Server.Tests.Tenancy;

public sealed class AdminSignInFailuresTests
{
    private static readonly DateTimeOffset LastFailure = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly AdminOptions Options = new() { MaxFailedSignIns = 5, MaxSignInDelay = TimeSpan.FromMinutes(15) };

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(9, 16)]
    [InlineData(14, 512)]
    [InlineData(15, 900)]
    [InlineData(1_000_000, 900)]
    public void Below_the_limit_nobody_waits_and_past_it_the_wait_doubles_from_one_second_up_to_the_cap(int failures, int? waitSeconds)
    {
        var waitUntil = new AdminSignInFailures(failures, LastFailure).WaitUntil(Options);

        Assert.Equal(waitSeconds is { } seconds ? LastFailure.AddSeconds(seconds) : null, waitUntil);
    }
}
