using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeLink.Members.Benchmarks;
using WeLink.Server.Data;
using WeLink.Server.Members;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Security;

// Members on PostgreSQL: resolving the member of an identity, and linking a new identity of a known person, per second,
// side by side with plain Dapper doing the same reads and writes. Usage:
// WELINK_TEST_POSTGRES=<connection string> dotnet run -c Release -- [seconds] [workers] [people]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var people = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
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
    }).Build();

    // Resolved as WeLink resolves it, so Members and the baseline talk to PostgreSQL as a deployment does.
    var settings = DatabaseSettingsResolver.Resolve(configuration, AppContext.BaseDirectory);
    var services = new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddData(configuration, settings)
        .AddSecrets(configuration)
        .AddMembers();
    await using var provider = services.BuildServiceProvider();
    await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var links = provider.GetRequiredService<IMemberLinks>();
    var plain = new PlainIdentities(provider.GetRequiredService<NpgsqlDataSource>());
    var (brand, dealer) = await SeedAsync(settings.ConnectionString);

    // Each person is known by one account openid and their unionid, as after a first follow.
    for (var p = 0; p < people; p++)
    {
        await links.SeenAsync(new MemberSighting(brand, dealer, MemberIdentity.Account("wxbenchaccount", $"oKnown{p}"), $"oUnion{p}"), CancellationToken.None);
    }

    Console.WriteLine($"PostgreSQL, {workers} workers, {people} people known by an openid and a unionid, {seconds} s per run after a 1 s warm-up, after a first round not counted.");
    Console.WriteLine("resolve: the member of one of the known openids (one indexed read). link: a new openid of a known person with their unionid (read both, lock the member's row, insert the identity, in one transaction).");
    var serial = 0L;
    var contenders = new List<(string Label, Func<int, Task> Operation)>
    {
        ("resolve, Members:", async p => Found(await links.FindAsync(brand, MemberIdentity.Account("wxbenchaccount", $"oKnown{p}"), CancellationToken.None))),
        ("resolve, plain Dapper:", async p => Found(await plain.FindAsync(brand, "account", "wxbenchaccount", $"oKnown{p}"))),
        ("link, Members:", async p => await links.SeenAsync(
            new MemberSighting(brand, dealer, MemberIdentity.Account("wxbenchother", $"oNew{Interlocked.Increment(ref serial)}"), $"oUnion{p}"), CancellationToken.None)),
        ("link, plain Dapper:", p => plain.LinkAsync(brand, dealer, "account", "wxbenchother", $"oNew{Interlocked.Increment(ref serial)}", $"oUnion{p}")),
    };

    var runs = contenders.Select(_ => new List<double>()).ToList();
    for (var round = 0; round < 3; round++)
    {
        for (var i = 0; i < contenders.Count; i++)
        {
            var rate = await MeasureAsync(workers, people, seconds, contenders[i].Operation);
            if (round > 0)
            {
                runs[i].Add(rate);
            }
        }
    }

    static string Runs(List<double> runs) => string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)));
    for (var i = 0; i < contenders.Count; i++)
    {
        var rate = runs[i].Average();
        var ratio = i % 2 == 1 ? $"  Members / plain: {runs[i - 1].Average() / rate:0.00}" : "";
        Console.WriteLine($"{contenders[i].Label,-24} {rate,8:N0}/s  (runs: {Runs(runs[i])}){ratio}");
    }

    var worst = Math.Min(runs[0].Average() / runs[1].Average(), runs[2].Average() / runs[3].Average());
    Console.WriteLine($"target: each >= 0.70 of plain Dapper ({worst:0.00} at worst, {(worst >= 0.7 ? "met" : "NOT met")})");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
}

static void Found(Guid? member)
{
    if (member is null)
    {
        throw new InvalidOperationException("A known openid resolved to no member.");
    }
}

static async Task<double> MeasureAsync(int workers, int people, int seconds, Func<int, Task> operation)
{
    var warmUpEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
    var ends = warmUpEnds + (seconds * Stopwatch.Frequency);
    var counted = new long[workers];
    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var random = new Random(w);
        while (Stopwatch.GetTimestamp() is var now && now < ends)
        {
            await operation(random.Next(people));
            if (now >= warmUpEnds)
            {
                counted[w]++;
            }
        }
    })));
    return counted.Sum() / (double)seconds;
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
