using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeLink.Cases.Benchmarks;
using WeLink.Server.Calendars;
using WeLink.Server.Cases;
using WeLink.Server.Cases.Definitions;
using WeLink.Server.Cases.Engine;
using WeLink.Server.Data;
using WeLink.Workflow.Engine;

// Transitions per second through the case engine on PostgreSQL, side by side with a baseline doing the same SQL writes
// with plain Dapper. Usage: WELINK_TEST_POSTGRES=<connection string> dotnet run -c Release -- [seconds] [workers]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
const int casesPerWorker = 8;
var admin = Environment.GetEnvironmentVariable("WELINK_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set WELINK_TEST_POSTGRES (scripts/services.sh start, then source .services/env).");

var name = $"welink_bench_{Guid.CreateVersion7():N}";
await ExecuteAsync(admin, $"CREATE DATABASE {name}");
try
{
    var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 64 }.ConnectionString);
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Cases:RunTimers"] = "false",
        ["Cases:RunOutbox"] = "false",
    }).Build();
    var services = new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddData(configuration, settings)
        .AddCases(configuration)
        .AddCalendars()
        .AddShippedDefinition(ShippedDefinition.FromEmbeddedResource(typeof(NoOpAction).Assembly, "bench.v1.json"))
        .AddCaseAction<NoOpAction>();
    await using var provider = services.BuildServiceProvider();
    await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var engine = provider.GetRequiredService<CaseEngine>();
    var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
    var baseline = new BaselineWriter(dataSource, commandPerWrite: false);
    var perWrite = new BaselineWriter(dataSource, commandPerWrite: true);
    var (brand, dealer) = await SeedAsync(settings.ConnectionString);

    Console.WriteLine($"PostgreSQL, {workers} workers x {casesPerWorker} cases each, {seconds} s per run after a 2 s warm-up, after a first round not counted; each transition writes the case, one history row, one timer cancelled and one armed, one outbox row.");
    var engineCases = await StartCasesAsync(engine, brand, dealer, workers * casesPerWorker, "engine");
    var baselineCases = await StartCasesAsync(engine, brand, dealer, workers * casesPerWorker, "baseline");
    var perWriteCases = await StartCasesAsync(engine, brand, dealer, workers * casesPerWorker, "per-write");
    var engineVersions = Enumerable.Repeat(1L, engineCases.Length).ToArray();
    var baselineVersions = Enumerable.Repeat(1L, baselineCases.Length).ToArray();
    var perWriteVersions = Enumerable.Repeat(1L, perWriteCases.Length).ToArray();
    var engineRuns = new List<double>();
    var baselineRuns = new List<double>();
    var perWriteRuns = new List<double>();
    // Round 0 warms all three up (the JIT's tiers, PostgreSQL's caches) and is not counted.
    for (var round = 0; round < 3; round++)
    {
        var engineRun = await MeasureAsync(engineCases, engineVersions, workers, seconds, async (c, version) =>
        {
            var result = await engine.FireAsync(
                new FireTrigger(c, version % 2 == 1 ? "ping" : "pong", Actor.System, [], Guid.NewGuid().ToString("N")), CancellationToken.None);
            return result is CaseMoved;
        });
        var baselineRun = await MeasureAsync(baselineCases, baselineVersions, workers, seconds, (c, version) => baseline.TransitionAsync(c, version, CancellationToken.None));
        var perWriteRun = await MeasureAsync(perWriteCases, perWriteVersions, workers, seconds, (c, version) => perWrite.TransitionAsync(c, version, CancellationToken.None));
        if (round > 0)
        {
            engineRuns.Add(engineRun);
            baselineRuns.Add(baselineRun);
            perWriteRuns.Add(perWriteRun);
        }
    }

    var engineRate = engineRuns.Average();
    var baselineRate = baselineRuns.Average();
    var perWriteRate = perWriteRuns.Average();
    static string Runs(List<double> runs) => string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
    Console.WriteLine($"engine:                       {engineRate,8:N0} transitions/s  (runs: {Runs(engineRuns)})");
    Console.WriteLine($"baseline, writes in 1 command: {baselineRate,7:N0} transitions/s  (runs: {Runs(baselineRuns)})");
    Console.WriteLine($"baseline, 1 command per write: {perWriteRate,7:N0} transitions/s  (runs: {Runs(perWriteRuns)})");
    Console.WriteLine($"ratio:    {engineRate / baselineRate:0.00} of the 1-command baseline (targets: >= 1,000/s and >= 0.70), {engineRate / perWriteRate:0.00} of the per-write one");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
}

// versions: each case's current version, kept across runs.
static async Task<double> MeasureAsync(Guid[] cases, long[] versions, int workers, int seconds, Func<Guid, long, Task<bool>> transition)
{
    var perWorker = cases.Length / workers;
    var warmUpEnds = Stopwatch.GetTimestamp() + (2 * Stopwatch.Frequency);
    var ends = warmUpEnds + (seconds * Stopwatch.Frequency);
    var counted = new long[workers];
    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        for (var i = 0; ; i++)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= ends)
            {
                return;
            }

            var index = (w * perWorker) + (i % perWorker);
            if (!await transition(cases[index], versions[index]))
            {
                throw new InvalidOperationException("A transition was refused or conflicted; workers own disjoint cases, so none should.");
            }

            versions[index]++;
            if (now >= warmUpEnds)
            {
                counted[w]++;
            }
        }
    })));
    return counted.Sum() / (double)seconds;
}

static async Task<Guid[]> StartCasesAsync(CaseEngine engine, Guid brand, Guid dealer, int count, string prefix)
{
    var ids = new Guid[count];
    for (var i = 0; i < count; i++)
    {
        var result = await engine.StartAsync(new StartCase("bench", brand, dealer, null, [], $"{prefix}-{i}", Actor.System), CancellationToken.None);
        ids[i] = result is CaseMoved moved ? moved.CaseId : throw new InvalidOperationException($"Starting a benchmark case failed: {result}");
    }

    return ids;
}

static async Task<(Guid Brand, Guid Dealer)> SeedAsync(string connectionString)
{
    var brand = Guid.CreateVersion7();
    var dealer = Guid.CreateVersion7();
    var now = DateTimeOffset.UtcNow;
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.ExecuteAsync("INSERT INTO brands (id, name, created_at) VALUES (@brand, 'Bench', @now)", new { brand, now });
    await connection.ExecuteAsync(
        "INSERT INTO dealers (id, brand_id, region_id, code, name, status, created_at, updated_at, version) VALUES (@dealer, @brand, NULL, 'bench', 'Bench', 'approved', @now, @now, 1)",
        new { dealer, brand, now });
    return (brand, dealer);
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
