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
using WeLink.Server.Onboarding.Contracts;
using WeLink.Server.Onboarding.Corps;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Contracts;
using WeLink.Workflow.Engine;

// Transitions per second through the case engine on PostgreSQL, side by side with a baseline doing the same SQL writes
// with plain Dapper. Usage: WELINK_TEST_POSTGRES=<connection string> dotnet run -c Release -- [seconds] [workers]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var casesPerWorker = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var admin = Environment.GetEnvironmentVariable("WELINK_TEST_POSTGRES")
    ?? throw new InvalidOperationException("Set WELINK_TEST_POSTGRES (scripts/services.sh start, then source .services/env).");

var name = $"welink_bench_{Guid.CreateVersion7():N}";
await ExecuteAsync(admin, $"CREATE DATABASE {name}");
try
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "postgres",
        [DatabaseOptions.ConnectionStringKey] = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 64 }.ConnectionString,
        ["Cases:RunTimers"] = "false",
        ["Cases:RunOutbox"] = "false",
    }).Build();

    // Resolved as WeLink resolves it, so the engine and the baselines talk to PostgreSQL as a deployment does.
    var settings = DatabaseSettingsResolver.Resolve(configuration, AppContext.BaseDirectory);
    var services = new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddData(configuration, settings)
        .AddCases(configuration)
        .AddCalendars()
        .AddSingleton<IStaffDirectory, StaffDirectory>()
        .AddSingleton<IDealerRegistry, DealerRegistry>()
        .AddShippedDefinition(ShippedDefinition.FromEmbeddedResource(typeof(NoOpAction).Assembly, "bench.v1.json"))
        .AddCaseAction<NoOpAction>();
    await using var provider = services.BuildServiceProvider();
    await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var engine = provider.GetRequiredService<CaseEngine>();
    var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
    var (brand, dealer) = await SeedAsync(settings.ConnectionString);

    Console.WriteLine($"PostgreSQL, {workers} workers x {casesPerWorker} cases each, {seconds} s per run after a 2 s warm-up, after a first round not counted; each transition writes the case, one history row, one timer cancelled and one armed, one outbox row.");
    var contenders = new List<(string Label, Func<Guid, long, Task<bool>> Transition)>
    {
        ("engine:", async (c, version) => await engine.FireAsync(
            new FireTrigger(c, CaseScope.Platform, version % 2 == 1 ? "ping" : "pong", Actor.System, [], Guid.NewGuid().ToString("N")), CancellationToken.None) is CaseMoved),
        ("baseline, BEGIN + 1 command + COMMIT:", Baseline(BaselineMode.OneCommand)),
        ("baseline, BEGIN + 1 command per write + COMMIT:", Baseline(BaselineMode.CommandPerWrite)),
        ("floor, 1 command without BEGIN/COMMIT (no guard):", Baseline(BaselineMode.OneBatchNoTransaction)),
    };
    Func<Guid, long, Task<bool>> Baseline(BaselineMode mode)
    {
        var writer = new BaselineWriter(dataSource, mode);
        return (c, version) => writer.TransitionAsync(c, version, CancellationToken.None);
    }

    var cases = new List<Guid[]>();
    for (var i = 0; i < contenders.Count; i++)
    {
        cases.Add(await StartCasesAsync(engine, brand, dealer, workers * casesPerWorker, $"contender-{i}"));
    }

    var versions = cases.Select(c => Enumerable.Repeat(1L, c.Length).ToArray()).ToList();
    var runs = contenders.Select(_ => new List<double>()).ToList();

    // Round 0 warms all of them up (the JIT's tiers, PostgreSQL's caches) and is not counted.
    for (var round = 0; round < 3; round++)
    {
        for (var i = 0; i < contenders.Count; i++)
        {
            var rate = await MeasureAsync(cases[i], versions[i], workers, seconds, contenders[i].Transition);
            if (round > 0)
            {
                runs[i].Add(rate);
            }
        }
    }

    static string Runs(List<double> runs) => string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
    var engineRate = runs[0].Average();
    var baselineRate = runs[1].Average();
    for (var i = 0; i < contenders.Count; i++)
    {
        var rate = runs[i].Average();
        var ratio = i == 0 ? "" : $"  engine / this: {engineRate / rate:0.00}";
        Console.WriteLine($"{contenders[i].Label,-50} {rate,7:N0} transitions/s  (runs: {Runs(runs[i])}){ratio}");
    }

    Console.WriteLine($"targets: engine >= 1,000/s ({(engineRate >= 1000 ? "met" : "NOT met")}) and >= 0.70 of the BEGIN + 1 command baseline ({engineRate / baselineRate:0.00}, {(engineRate / baselineRate >= 0.7 ? "met" : "NOT met")})");
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
