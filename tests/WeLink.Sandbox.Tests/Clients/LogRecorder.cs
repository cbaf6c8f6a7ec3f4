using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WeLink.Sandbox.Tests.Clients;

/// <summary>Keeps every log line WeLink writes, formatted, so tests can check that no secret reaches a log.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            recorder._lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
