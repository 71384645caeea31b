using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Sarcoma.Consensus.AspNetCore.Tests;

/// <summary>Every log entry of a test host, at every level, with the exception's message and type when there is one.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    /// <summary>Asserts that nothing was logged at Error or above, nothing calls itself unhandled, and no text holds any of <paramref name="values"/>.</summary>
    public void AssertQuiet(params string[] values)
    {
        var all = Entries;
        Assert.NotEmpty(all); // the capture works: the host logs its start at least
        var errors = all.Where(e => e.Level >= LogLevel.Error).ToArray();
        Assert.True(errors.Length == 0, "Logged at Error or above:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        var unhandled = all.Where(e => e.ToString().Contains("unhandled", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(unhandled.Length == 0, "Logged as unhandled:\n" + string.Join("\n", unhandled.Select(e => e.ToString())));
        foreach (var value in values)
        {
            var echoing = all.Where(e => e.ToString().Contains(value, StringComparison.Ordinal)).ToArray();
            Assert.True(echoing.Length == 0, $"A log entry echoes a value of the document ({value}):\n" + string.Join("\n", echoing.Select(e => e.ToString())));
        }
    }

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, string? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{EventId.Id}:{EventId.Name}] {Message} {Exception}";
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception is null ? null : exception.GetType().FullName + ": " + exception.Message));
    }
}
