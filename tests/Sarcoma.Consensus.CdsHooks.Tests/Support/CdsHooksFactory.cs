using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Sarcoma.Consensus.CdsHooks.Data;

namespace Sarcoma.Consensus.CdsHooks.Tests.Support;

/// <summary>
/// The real service pipeline on a test server: "today" is 2026-11-26 (a FakeClock), feedback goes to a fresh SQLite file,
/// logs are captured, and the FHIR server fallback answers from a <see cref="StubFhirServer"/>.
/// </summary>
public sealed class CdsHooksFactory : WebApplicationFactory<Program>
{
    public const string ServiceId = "sarcoma-liver-metastases";
    public const string HookPath = "/cds-services/" + ServiceId;
    public const string FhirServer = "https://fhir.test/r4";

    private readonly Dictionary<string, string?> settings;
    private readonly string environment;

    public CdsHooksFactory()
        : this(null)
    {
    }

    internal CdsHooksFactory(IDictionary<string, string?>? settings, string environment = "Development")
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), "sarcoma-cds-tests", Guid.NewGuid().ToString("N") + ".db");
        this.environment = environment;
        this.settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CdsHooks:Feedback:SqlitePath"] = DatabasePath,
            ["CdsHooks:FhirServer:AllowedServers:0"] = FhirServer,
            ["CdsHooks:CorsOrigins:0"] = "https://ehr.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    public StubFhirServer Fhir { get; } = new();

    public LogSink Logs { get; } = new();

    public static Instant Today { get; } = Instant.FromUtc(2026, 11, 26, 10, 0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(new FakeClock(Today));
            services.AddHttpClient<FhirServerClient>().ConfigurePrimaryHttpMessageHandler(() => Fhir);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // Test processes share the directory and another one may have removed it already.
            var directory = Path.GetDirectoryName(DatabasePath)!;
            var files = Directory.Exists(directory) ? Directory.GetFiles(directory, Path.GetFileName(DatabasePath) + "*") : Array.Empty<string>();
            foreach (var file in files)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}

/// <summary>
/// Captures every log record the logging filters let through: category, level, message, the state's values and every
/// scope of the record, shared across categories as the console loggers see them (ASP.NET Core's request scope included),
/// so tests can check that none carries patient data or a link token.
/// </summary>
public sealed class LogSink : ILoggerProvider, ISupportExternalScope
{
    private readonly List<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static string Describe(object? state) =>
        state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(",", pairs.Select(p => p.Key + "=" + p.Value))
            : state is IEnumerable<KeyValuePair<string, object>> objects
                ? string.Join(",", objects.Select(p => p.Key + "=" + p.Value))
                : state?.ToString() ?? string.Empty;

    private sealed class Logger : ILogger
    {
        private readonly LogSink sink;
        private readonly string category;

        public Logger(LogSink sink, string category)
        {
            this.sink = sink;
            this.category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeTexts = new List<string>();
            sink.scopes.ForEachScope((scope, list) => list.Add(Describe(scope) + " (" + scope + ")"), scopeTexts);
            var text = category + " [" + logLevel + "] " + formatter(state, exception) + " | state: " + Describe(state) +
                " | scopes: " + string.Join(" ; ", scopeTexts) + (exception is null ? string.Empty : " | " + exception);
            lock (sink.lines)
            {
                sink.lines.Add(text);
            }
        }
    }
}
