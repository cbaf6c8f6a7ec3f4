using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace WeLink.Server.Tests.Cluster;

/// <summary>
/// A cluster started by <c>scripts/cluster.sh</c>, as the README starts one, in a state folder of its own, on free
/// ports, a test database and a Redis key prefix of its own: WeLink nodes as real OS processes behind nginx, and the
/// standalone sandbox pushing to the balancer. The nodes run from the build output of this test run's configuration
/// (WeLink.Server and WeLink.Sandbox are built with the tests), so the script does not build.
/// </summary>
public sealed class ClusterRun : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(120);

    private readonly string _stateFolder;
    private readonly Dictionary<string, string> _environment;

    private ClusterRun(string stateFolder, Dictionary<string, string> environment, int balancerPort, int sandboxPort)
    {
        _stateFolder = stateFolder;
        _environment = environment;
        BalancerAddress = new Uri($"http://127.0.0.1:{balancerPort}");
        Sandbox = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{sandboxPort}") };
    }

    /// <summary>The balancer: what browsers and the platforms call.</summary>
    public Uri BalancerAddress { get; }

    /// <summary>The standalone sandbox, for its control API.</summary>
    public HttpClient Sandbox { get; }

    /// <summary>Starts the cluster; <paramref name="nodeSettings"/> are command-line settings every node gets (no spaces inside one).</summary>
    public static async Task<ClusterRun> StartAsync(TestDatabase database, int nodes, params string[] nodeSettings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var folder = Directory.CreateTempSubdirectory("welink-cluster-").FullName;
        int balancerPort = FreePort.Loopback(), sandboxPort = FreePort.Loopback();
        var environment = new Dictionary<string, string>
        {
            ["CLUSTER_STATE_DIR"] = folder,
            ["CLUSTER_NODES"] = nodes.ToString(CultureInfo.InvariantCulture),
            ["CLUSTER_PORT"] = balancerPort.ToString(CultureInfo.InvariantCulture),
            ["CLUSTER_SANDBOX_PORT"] = sandboxPort.ToString(CultureInfo.InvariantCulture),
            ["CLUSTER_POSTGRES"] = database.ConnectionString,
            ["CLUSTER_REDIS"] = TestServices.Redis,
            ["CLUSTER_REDIS_PREFIX"] = $"cluster-{Guid.NewGuid():N}:",
            ["CLUSTER_BUILD"] = "0",
            ["CLUSTER_CONFIGURATION"] = BuildConfiguration(),
            ["CLUSTER_NODE_ARGS"] = string.Join(' ', nodeSettings),
        };
        var cluster = new ClusterRun(folder, environment, balancerPort, sandboxPort);
        try
        {
            await cluster.RunScriptAsync("start");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9 of node <paramref name="node"/>, as a crash would end it; returns once it is gone.</summary>
    public Task KillAsync(int node) => RunScriptAsync("kill", node.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts node <paramref name="node"/> again; returns once it answers ready.</summary>
    public Task RestartAsync(int node) => RunScriptAsync("restart", node.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every line the nodes have logged so far (JSON, one entry a line), each node's restarts included.</summary>
    public IReadOnlyList<string> NodeLogLines() =>
        [.. Directory.GetFiles(_stateFolder, "node-*.log").SelectMany(log => File.ReadLines(log))];

    public HttpClient NewBrowser() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BalancerAddress };

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        try
        {
            await RunScriptAsync("stop");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_stateFolder, recursive: true);
        }
    }

    private async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "cluster.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The script's own children are ended by `stop` on dispose; only the script itself is ours to end here.
            process.Kill();
            throw new TimeoutException($"scripts/cluster.sh {string.Join(' ', arguments)} ran past {ScriptTimeout.TotalSeconds:0} s: {await errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/cluster.sh {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}\n{LogTails()}");
        }
    }

    private string LogTails()
    {
        var tails = new StringBuilder();
        foreach (var log in Directory.GetFiles(_stateFolder, "*.log"))
        {
            tails.Append("--- ").AppendLine(Path.GetFileName(log));
            foreach (var line in File.ReadLines(log).TakeLast(20))
            {
                tails.AppendLine(line);
            }
        }

        return tails.ToString();
    }

    /// <summary>Debug or Release: the folder above the test binaries' target framework folder.</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
}
