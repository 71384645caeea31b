using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sarcoma.Consensus.AspNetCore.Tests;

/// <summary>
/// The one host builder of these tests: a minimal API in the Development environment (where any exception that escapes is
/// logged as unhandled) on ASP.NET Core's TestServer (synchronous I/O disallowed, as on Kestrel), every log entry captured.
/// Each test class registers its services and maps its endpoints; <see cref="DisposeAsync"/> stops the host.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, HttpClient client, CapturedLogs logs)
    {
        App = app;
        Client = client;
        Logs = logs;
    }

    /// <summary>Gets the started application.</summary>
    public WebApplication App { get; }

    /// <summary>Gets a client of the test server.</summary>
    public HttpClient Client { get; }

    /// <summary>Gets what the host logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Gets the repository root (the folder of <c>Sarcoma.Consensus.sln</c>).</summary>
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (Sarcoma.Consensus.sln) was not found.");
        }
    }

    /// <summary>Gets the text of a bundled sample patient document (<c>samples/patients/NAME</c>).</summary>
    public static string Sample(string name) => File.ReadAllText(Path.Combine(Root, "samples", "patients", name));

    /// <summary>Builds, configures and starts a host.</summary>
    /// <param name="configure">Registers services on the builder.</param>
    /// <param name="map">Adds middleware and maps endpoints on the built application.</param>
    /// <param name="logs">Where to capture the logs; a new capture when <see langword="null"/>.</param>
    public static async Task<TestHost> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map, CapturedLogs? logs = null)
    {
        logs ??= new CapturedLogs();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestHost(app, app.GetTestClient(), logs);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
