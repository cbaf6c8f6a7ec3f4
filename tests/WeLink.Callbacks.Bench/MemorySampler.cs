using System.Diagnostics;
using System.Globalization;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// Appends the process's memory to <paramref name="file"/> every <paramref name="interval"/>, one line a sample:
/// Unix seconds, working set, the GC heap after the last collection, the memory the GC has committed (bytes), and the
/// gen 0, 1 and 2 collection counts. The soak reads the newest line, so a leak shows in the heap the GC keeps, not in
/// garbage still waiting for its collection.
/// </summary>
internal sealed class MemorySampler(string file, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            var gc = GC.GetGCMemoryInfo();
            var line = string.Join(
                ' ',
                DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                process.WorkingSet64.ToString(CultureInfo.InvariantCulture),
                gc.HeapSizeBytes.ToString(CultureInfo.InvariantCulture),
                gc.TotalCommittedBytes.ToString(CultureInfo.InvariantCulture),
                GC.CollectionCount(0).ToString(CultureInfo.InvariantCulture),
                GC.CollectionCount(1).ToString(CultureInfo.InvariantCulture),
                GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture));
            await File.AppendAllTextAsync(file, line + "\n", stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
