using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using WeLink.Server.Admin.Api;
using WeLink.Server.Data;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Tenancy;

public abstract partial class AdminSignInTests(DatabaseProvider provider)
{
    /// <summary>Two clients behind the load balancer (documentation addresses), as X-Forwarded-For names them.</summary>
    private const string Guesser = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    /// <summary>The test host trusts forwarded headers from loopback, as WeLink trusts its load balancer.</summary>
    private const string TrustLoopbackProxy = "--ForwardedHeaders:KnownProxies:0=127.0.0.1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_bootstrap_admin_signs_in_as_platform_admin_and_its_password_is_stored_hashed()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);

        var login = await client.LoginAsync(AdminHost.RootEmail.ToUpperInvariant(), AdminHost.RootPassword);
        var me = await client.GetOkAsync<MeResponse>("/api/admin/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(AdminHost.RootEmail, me.Email);
        Assert.Equal(AdminRoles.Platform, me.Role);
        Assert.Null(me.BrandId);
        var hash = await admin.Database.ScalarAsync<string>("SELECT password_hash FROM admin_users WHERE email = @email", new { email = AdminHost.RootEmail });
        Assert.DoesNotContain(AdminHost.RootPassword, hash, StringComparison.Ordinal);

        // PasswordHasher's V3 format: base64 of a 0x01 marker byte, PRF, iterations, salt and subkey.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_is_refused_with_401_and_starts_no_session()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = AdminClient.Anonymous(admin.Host);

        var wrongPassword = await client.LoginAsync(AdminHost.RootEmail, "not-the-password");
        var unknownEmail = await client.LoginAsync("nobody@welink.test", AdminHost.RootPassword);
        var me = await client.Http.GetAsync("/api/admin/me");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(2, await admin.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'admin.sign-in' AND outcome = 'refused'"));
    }

    [Fact]
    public async Task Twenty_four_concurrent_wrong_passwords_are_all_counted_and_only_the_first_five_are_checked()
    {
        await using var admin = await StartBehindProxyAsync();
        using var guesser = From(admin, Guesser);

        var burst = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => guesser.LoginAsync(AdminHost.RootEmail, $"wrong-{i}")));
        var counted = await FailuresAsync(admin, Guesser);
        var secondBurst = await Task.WhenAll(
            Enumerable.Range(1, 7).Select(i => guesser.LoginAsync(AdminHost.RootEmail, $"again-{i}")).Append(guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword)));
        using var me = await guesser.Http.GetAsync("/api/admin/me");

        Assert.All(burst, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        Assert.Equal(24, counted);
        Assert.Equal(5, await RefusalsAsync(admin, "wrong password"));
        Assert.All(secondBurst, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(19 + 8, await RefusalsAsync(admin, "throttled%"));
        Assert.Equal(0, await admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'admin.sign-in' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task A_guesser_hammering_from_one_source_cannot_keep_the_owner_out_from_another()
    {
        await using var admin = await StartBehindProxyAsync();
        using var guesser = From(admin, Guesser);
        using var owner = From(admin, Owner);
        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => guesser.LoginAsync(AdminHost.RootEmail, $"wrong-{i}")));

        using var ownerTypo = await owner.LoginAsync(AdminHost.RootEmail, "a typo of the owner");
        using var ownerSignIn = await owner.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        using var guesserRightPassword = await guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, ownerTypo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerSignIn.StatusCode);
        Assert.Equal(AdminHost.RootEmail, (await owner.GetOkAsync<MeResponse>("/api/admin/me")).Email);
        Assert.Equal(HttpStatusCode.Unauthorized, guesserRightPassword.StatusCode);
        Assert.Equal(31, await FailuresAsync(admin, Guesser));
        Assert.Equal(0, await FailuresAsync(admin, Owner));
    }

    [Fact]
    public async Task A_throttled_account_a_wrong_password_and_an_unknown_email_get_byte_identical_answers()
    {
        await using var admin = await StartBehindProxyAsync();
        using var guesser = From(admin, Guesser);
        using var owner = From(admin, Owner);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.LoginAsync(AdminHost.RootEmail, $"wrong-{attempt}");
        }

        using var throttled = await guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        using var wrongPassword = await owner.LoginAsync(AdminHost.RootEmail, "not-the-password");
        using var unknownEmail = await owner.LoginAsync("nobody@welink.test", AdminHost.RootPassword);

        var answer = await DescribeAsync(throttled);
        Assert.StartsWith("401\n", answer, StringComparison.Ordinal);
        Assert.Contains(SignInAttempt.RefusalDetail, answer, StringComparison.Ordinal);
        Assert.Equal(answer, await DescribeAsync(wrongPassword));
        Assert.Equal(answer, await DescribeAsync(unknownEmail));
        Assert.Equal(1, await RefusalsAsync(admin, "throttled%"));
        Assert.Equal(1, await RefusalsAsync(admin, "unknown email"));
    }

    [Fact]
    public async Task Every_refusal_checks_one_password_hash_so_none_answers_sooner()
    {
        var hasher = new CountingHasher();
        await using var admin = await AdminHost.StartAsync(
            provider, b => b.Services.AddSingleton<TimeProvider>(_clock).AddSingleton<IPasswordHasher<AdminUser>>(hasher), TrustLoopbackProxy);
        using var guesser = From(admin, Guesser);
        using var owner = From(admin, Owner);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.LoginAsync(AdminHost.RootEmail, $"wrong-{attempt}");
        }

        var checks = new Dictionary<string, int>();
        foreach (var (name, client, email) in new[] { ("throttled", guesser, AdminHost.RootEmail), ("wrong password", owner, AdminHost.RootEmail), ("unknown email", owner, "nobody@welink.test") })
        {
            var before = hasher.Verifications;
            using var refused = await client.LoginAsync(email, "not-the-password");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            checks[name] = hasher.Verifications - before;
        }

        Assert.Equal(new Dictionary<string, int> { ["throttled"] = 1, ["wrong password"] = 1, ["unknown email"] = 1 }, checks);
    }

    [Fact]
    public async Task Each_failure_past_the_limit_doubles_the_wait_and_the_right_password_gets_in_once_it_is_over()
    {
        await using var admin = await StartBehindProxyAsync();
        using var guesser = From(admin, Guesser);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.LoginAsync(AdminHost.RootEmail, $"wrong-{attempt}");
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var sixthIsChecked = await guesser.LoginAsync(AdminHost.RootEmail, "wrong-6");
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var rightWithinTwoSeconds = await guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        _clock.Advance(TimeSpan.FromSeconds(3));
        using var rightWithinFourSeconds = await guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        _clock.Advance(TimeSpan.FromSeconds(8));
        using var rightAfterEightSeconds = await guesser.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, sixthIsChecked.StatusCode);
        Assert.Equal(6, await RefusalsAsync(admin, "wrong password"));
        Assert.Equal(HttpStatusCode.Unauthorized, rightWithinTwoSeconds.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rightWithinFourSeconds.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightAfterEightSeconds.StatusCode);
        Assert.Equal(0, await FailuresAsync(admin, Guesser));
        Assert.Equal(
            ["throttled until 2026-11-25 09:00:03Z", "throttled until 2026-11-25 09:00:06Z"],
            await admin.Database.QueryAsync<string>("SELECT detail FROM audit_log WHERE detail LIKE 'throttled%' ORDER BY occurred_at"));
    }

    [Fact]
    public async Task The_limit_is_a_setting_and_a_success_starts_its_sources_count_over()
    {
        await using var admin = await StartBehindProxyAsync("--Admin:MaxFailedSignIns=2");
        using var client = From(admin, Owner);

        using var wrong = await client.LoginAsync(AdminHost.RootEmail, "wrong");
        using var good = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        using var wrongAfterSuccess = await client.LoginAsync(AdminHost.RootEmail, "wrong");
        using var secondWrongInARow = await client.LoginAsync(AdminHost.RootEmail, "wrong");
        using var rightPastTheLimit = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAfterSuccess.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondWrongInARow.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rightPastTheLimit.StatusCode);
        Assert.Equal(3, await RefusalsAsync(admin, "wrong password"));
        Assert.Equal(1, await RefusalsAsync(admin, "throttled%"));
    }

    [Fact]
    public async Task A_platform_admin_clears_an_accounts_throttle_so_the_owner_gets_in_at_once_and_it_is_audited()
    {
        await using var admin = await StartBehindProxyAsync();
        using var sharedAddress = From(admin, Guesser);
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await sharedAddress.LoginAsync(AdminHost.RootEmail, $"wrong-{attempt}");
        }

        using var platform = From(admin, Owner);
        await platform.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        var rootId = (await platform.GetOkAsync<MeResponse>("/api/admin/me")).Id;
        using var cleared = await platform.Http.DeleteAsync($"/api/admin/admin-users/{rootId}/sign-in-throttle");
        using var madeUp = await platform.Http.DeleteAsync($"/api/admin/admin-users/{Guid.CreateVersion7()}/sign-in-throttle");
        using var signIn = await sharedAddress.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(
            ["refused", "succeeded"],
            await admin.Database.QueryAsync<string>("SELECT outcome FROM audit_log WHERE action = 'admin.sign-in-throttle.clear' ORDER BY outcome"));
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var admin = await AdminHost.StartAsync(provider);
        using var client = await admin.RootAsync();

        var logout = await client.PostAsync("/api/admin/logout", null);
        var me = await client.Http.GetAsync("/api/admin/me");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(1, await admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'admin.sign-out'"));
    }

    [Fact]
    public async Task A_bootstrap_email_without_a_usable_password_stops_start_up()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(provider);

        var start = () => WeLinkTestHost.StartAsync([.. database.HostArgs, "--Admin:BootstrapEmail=root@welink.test", "--Admin:BootstrapPassword=short"]);

        var error = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("Admin:BootstrapPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hourly_purge_deletes_counts_older_than_the_forget_window_and_keeps_the_rest()
    {
        await using var admin = await StartBehindProxyAsync();
        foreach (var email in new[] { "made-up-1@welink.test", "made-up-2@welink.test" })
        {
            using var guesser = From(admin, Guesser);
            await guesser.LoginAsync(email, "guess");
        }

        _clock.Advance(TimeSpan.FromHours(23));
        using (var recent = From(admin, Guesser))
        {
            await recent.LoginAsync("made-up-3@welink.test", "guess");
        }

        _clock.Advance(TimeSpan.FromHours(2));
        var scheduler = await admin.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(PurgeForgottenSignInFailuresJob.Key);

        await Poll.UntilAsync(
            () => admin.Database.ScalarAsync<long>("SELECT COUNT(*) FROM admin_sign_in_throttles WHERE email LIKE 'made-up-%'"),
            n => n == 1,
            Deadline.Scheduler,
            "the day-old counts to be purged");
        Assert.Equal("made-up-3@welink.test", await admin.Database.ScalarAsync<string>("SELECT email FROM admin_sign_in_throttles"));
    }

    [Fact]
    public async Task Failures_forgotten_before_the_longest_wait_is_over_stop_start_up()
    {
        var start = () => AdminHost.StartAsync(provider, null, "--Admin:MaxSignInDelay=01:00:00", "--Admin:SignInFailuresForgottenAfter=00:30:00");

        var error = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("Admin:SignInFailuresForgottenAfter", error.ToString(), StringComparison.Ordinal);
    }

    private Task<AdminHost> StartBehindProxyAsync(params string[] args) =>
        AdminHost.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(_clock), [TrustLoopbackProxy, .. args]);

    /// <summary>An anonymous client whose requests the trusted proxy says come from <paramref name="address"/>.</summary>
    private static AdminClient From(AdminHost admin, string address)
    {
        var client = AdminClient.Anonymous(admin.Host);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<long> FailuresAsync(AdminHost admin, string source) =>
        admin.Database.ScalarAsync<long>(
            "SELECT COALESCE(SUM(failures), 0) FROM admin_sign_in_throttles WHERE email = @email AND source = @source", new { email = AdminHost.RootEmail, source });

    private static Task<long> RefusalsAsync(AdminHost admin, string detailLike) =>
        admin.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'admin.sign-in' AND outcome = 'refused' AND detail LIKE @detailLike", new { detailLike });

    /// <summary>Status, every header but the date, and the body byte for byte, the per-request trace id blanked.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key != "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"\"");
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n\n{body}";
    }

    [GeneratedRegex("\"traceId\":\"[0-9a-f-]+\"")]
    private static partial Regex TraceId();

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<AdminUser>
    {
        private readonly PasswordHasher<AdminUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AdminUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class AdminSignInTests_on_Sqlite() : AdminSignInTests(DatabaseProvider.Sqlite);

public sealed class AdminSignInTests_on_Postgres() : AdminSignInTests(DatabaseProvider.Postgres);
