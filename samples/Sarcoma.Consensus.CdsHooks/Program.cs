using System;
using System.Linq;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus;
using Sarcoma.Consensus.CdsHooks;
using Sarcoma.Consensus.CdsHooks.Data;
using Sarcoma.Consensus.CdsHooks.Feedback;
using Sarcoma.Consensus.CdsHooks.Links;
using Sarcoma.Consensus.CdsHooks.Options;
using Sarcoma.Consensus.CdsHooks.Security;

// The CDS Hooks service: discovery, one patient-view service, feedback. See README.md beside this file.
if (args.Length > 0 && args[0] == "dev-token")
{
    // A token from the pretend development EHR (DevelopmentKeys/README.md), to try Jwt mode locally.
    Console.WriteLine(DevelopmentToken.Create(AppContext.BaseDirectory, args.Length > 1 ? args[1] : null));
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.IncludeScopes = true;
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

var services = builder.Services;

// Card-link tokens travel in the query string; ASP.NET Core's request lines (which print it) stay off. See LinkLogging.
services.PostConfigure<LoggerFilterOptions>(LinkLogging.KeepRequestLinesOut);
services.AddOptions<CdsHooksOptions>().Bind(builder.Configuration.GetSection(CdsHooksOptions.Section)).ValidateOnStart();
services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();
services.TryAddSingleton(TimeProvider.System);
services.AddSarcomaConsensus();
services.AddSingleton<EvaluationZone>();
services.AddSingleton<EndpointLoggers>();

services.AddHttpClient<FhirServerClient>((provider, client) =>
    {
        var fhir = provider.GetRequiredService<IOptions<CdsHooksOptions>>().Value.FhirServer;
        client.Timeout = TimeSpan.FromSeconds(fhir.TimeoutSeconds);
        client.MaxResponseContentBufferSize = FhirServerClient.MaxResponseBytes;
    })
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
services.AddTransient<PatientDataResolver>();

services.AddHttpClient(nameof(JwksSource), client => client.Timeout = TimeSpan.FromSeconds(5))
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
services.AddSingleton(provider => new JwksSource(
    provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JwksSource)),
    provider.GetRequiredService<IHostEnvironment>(),
    provider.GetRequiredService<TimeProvider>(),
    provider.GetRequiredService<IOptions<CdsHooksOptions>>()));
services.AddSingleton<ReplayCache>();
services.AddSingleton<CdsClientAuthenticator>();
services.AddSingleton<ArtifactStore>();
services.TryAddSingleton<IFeedbackStore, SqliteFeedbackStore>();
services.AddHealthChecks().AddCheck<FeedbackStoreHealthCheck>("feedback-store");

const string CorsPolicy = "cds-clients";
services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
{
    var origins = builder.Configuration.GetSection(CdsHooksOptions.Section + ":CorsOrigins").Get<string[]>() ?? Array.Empty<string>();
    if (origins.Contains("*"))
    {
        policy.AllowAnyOrigin();
    }
    else
    {
        policy.WithOrigins(origins);
    }

    // CDS Hooks: browser-based CDS Clients send Authorization and Content-Type; no cookies, so no credentials.
    policy.WithHeaders("Authorization", "Content-Type", "Accept").WithMethods("GET", "POST", "OPTIONS");
}));

var app = builder.Build();
app.UseCors(CorsPolicy);
CdsHooksEndpoints.Map(app);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sarcoma.Consensus.CdsHooks");
    var security = app.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.Security;
    if (security.Mode == AuthenticationMode.Development)
    {
        Log.DevelopmentMode(logger);
        Console.Error.WriteLine(
            "\n##########################################################################\n" +
            "#  DEVELOPMENT MODE - CDS CLIENT AUTHENTICATION IS OFF (no JWT checked)   #\n" +
            "#  Anyone who can reach this port can call the hook. Test data only.      #\n" +
            "##########################################################################\n");
    }
    else
    {
        Log.JwtMode(logger, security.TrustedIssuers.Count, security.Audiences.Count);
    }
});

app.Run();

/// <summary>The entry point (public for <c>WebApplicationFactory</c> in the tests).</summary>
public partial class Program;
