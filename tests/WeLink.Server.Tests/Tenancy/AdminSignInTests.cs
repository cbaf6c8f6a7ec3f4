using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeLink.Server.Admin.Api;
using WeLink.Server.Data;
using WeLink.Server.Tenancy.Access;
using WeLink.Server.Tests.Admin;

namespace WeLink.Server.Tests.Tenancy;

public abstract class AdminSignInTests(DatabaseProvider provider)
{
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
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_until_the_lockout_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var admin = await AdminHost.StartAsync(provider, b => b.Services.AddSingleton<TimeProvider>(clock));
        using var client = AdminClient.Anonymous(admin.Host);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(AdminHost.RootEmail, $"wrong-{attempt}")).StatusCode);
        }

        var fifth = await client.LoginAsync(AdminHost.RootEmail, "wrong-5");
        var rightWhileLocked = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        clock.Advance(TimeSpan.FromMinutes(1));
        var afterLockout = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightWhileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterLockout.StatusCode);
        Assert.Equal(0, await admin.Database.ScalarAsync<long>("SELECT failed_logins FROM admin_users"));
    }

    [Fact]
    public async Task The_lockout_threshold_is_a_setting_and_a_success_resets_the_count()
    {
        await using var admin = await AdminHost.StartAsync(provider, null, "--Admin:MaxFailedSignIns=2");
        using var client = AdminClient.Anonymous(admin.Host);

        await client.LoginAsync(AdminHost.RootEmail, "wrong");
        var good = await client.LoginAsync(AdminHost.RootEmail, AdminHost.RootPassword);
        var wrongAfterSuccess = await client.LoginAsync(AdminHost.RootEmail, "wrong");
        var secondWrongInARow = await client.LoginAsync(AdminHost.RootEmail, "wrong");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAfterSuccess.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondWrongInARow.StatusCode);
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
        await using var database = await TestDatabase.CreateAsync(provider);

        var start = () => WeLinkTestHost.StartAsync([.. database.HostArgs, "--Admin:BootstrapEmail=root@welink.test", "--Admin:BootstrapPassword=short"]);

        var error = await Assert.ThrowsAnyAsync<Exception>(start);
        Assert.Contains("Admin:BootstrapPassword", error.Message, StringComparison.Ordinal);
    }
}

public sealed class AdminSignInTests_on_Sqlite() : AdminSignInTests(DatabaseProvider.Sqlite);

public sealed class AdminSignInTests_on_Postgres() : AdminSignInTests(DatabaseProvider.Postgres);
