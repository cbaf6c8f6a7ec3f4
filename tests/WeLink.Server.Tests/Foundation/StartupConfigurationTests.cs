using System.Diagnostics;

namespace WeLink.Server.Tests.Foundation;

/// <summary>Bad configuration stops the real server process with one line naming the key, not a stack trace.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_unknown_database_provider_is_named()
    {
        var result = await RunServerAsync("--Database:Provider=mysql");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Database:Provider must be 'sqlite' or 'postgres', not 'mysql'", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_malformed_postgres_connection_string_is_named()
    {
        var result = await RunServerAsync("--Database:Provider=postgres", "--ConnectionStrings:WeLink=this is not a connection string");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings:WeLink is not a valid PostgreSQL connection string", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task A_missing_postgres_connection_string_is_named()
    {
        var result = await RunServerAsync("--Database:Provider=postgres", "--ConnectionStrings:WeLink=");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ConnectionStrings:WeLink is required", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_is_named_without_its_password()
    {
        var port = FreePort.Loopback();
        var result = await RunServerAsync(
        [
            .. SandboxSettings.RealPlatformArgs,
            "--Database:Provider=postgres",
            $"--ConnectionStrings:WeLink=Host=127.0.0.1;Port={port};Username=welink;Password=hunter2;Database=welink;Timeout=3",
        ]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Cannot reach the database set by ConnectionStrings:WeLink", result.Error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error + result.Output, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Missing_wechat_and_wecom_settings_are_each_named()
    {
        var result = await RunServerAsync("--Sandbox:Enabled=false", "--ConnectionStrings:WeLink=Data Source=welink.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("WeChat:Component:AppId is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("WeCom:Suite:EncodingAesKey is required", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task The_in_process_sandbox_refuses_a_port_chosen_at_random()
    {
        var result = await RunServerAsync([.. SandboxSettings.Args, "--ConnectionStrings:WeLink=Data Source=welink.db"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Sandbox:Enabled needs a fixed port", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task The_migrate_command_migrates_the_database_and_exits_without_serving()
    {
        var result = await RunServerAsync("migrate", "--Sandbox:Enabled=false", "--ConnectionStrings:WeLink=Data Source=data/welink.db");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Database migrated: SQLite file", result.Output, StringComparison.Ordinal);
        Assert.Contains("0002_quartz_schema", result.Output, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(ProcessResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    private static async Task<ProcessResult> RunServerAsync(params string[] args)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("welink-config-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WeLink.Server.dll"));
            foreach (var arg in args.Append("--urls=http://127.0.0.1:0"))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The server did not stop on bad configuration within 60 s.");
            }

            return new ProcessResult(process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private sealed record ProcessResult(int ExitCode, string Output, string Error);
}
