using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sarcoma.Consensus.CdsHooks.Options;

/// <summary>How the service authenticates the CDS Client (the EHR).</summary>
public enum AuthenticationMode
{
    /// <summary>Every hook and feedback call must carry a JWT signed by a trusted issuer (CDS Hooks 2.0, "Trusting CDS Clients").</summary>
    Jwt,

    /// <summary>No authentication at all. Allowed only when the host environment is Development; the service says so at start-up, loudly.</summary>
    Development,
}

/// <summary>The options of the CDS Hooks service, bound from the <c>CdsHooks</c> configuration section and validated at start-up.</summary>
public sealed class CdsHooksOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CdsHooks";

    /// <summary>Gets or sets the service id in the discovery document and the URL (<c>/cds-services/{id}</c>): lower-case letters, digits and hyphens.</summary>
    public string ServiceId { get; set; } = "sarcoma-liver-metastases";

    /// <summary>Gets or sets the absolute base URL the EHR user's browser reaches this service at, for card links; when unset, the request's own scheme and host.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Gets the authentication settings.</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>Gets the FHIR server fallback settings (used where the EHR did not prefetch).</summary>
    public FhirServerOptions FhirServer { get; set; } = new();

    /// <summary>Gets the feedback storage settings.</summary>
    public FeedbackOptions Feedback { get; set; } = new();

    /// <summary>Gets the card link settings (HTML report and Questionnaire).</summary>
    public LinkOptions Links { get; set; } = new();

    /// <summary>Gets or sets the origins browser-based EHRs call from (CORS); <c>*</c> allows any origin. Credentials (cookies) are never allowed: the EHR authenticates with a bearer JWT.</summary>
    public IList<string> CorsOrigins { get; set; } = new List<string>();
}

/// <summary>Authentication of the CDS Client.</summary>
public sealed class SecurityOptions
{
    /// <summary>Gets or sets the mode. Default <see cref="AuthenticationMode.Jwt"/>.</summary>
    public AuthenticationMode Mode { get; set; } = AuthenticationMode.Jwt;

    /// <summary>Gets the accepted <c>aud</c> values: the absolute URLs of this service's endpoints as the EHR calls them.</summary>
    public IList<string> Audiences { get; set; } = new List<string>();

    /// <summary>Gets the trusted issuers (<c>iss</c>) and where their public keys are.</summary>
    public IList<TrustedIssuerOptions> TrustedIssuers { get; set; } = new List<TrustedIssuerOptions>();

    /// <summary>Gets or sets the clock skew tolerated on <c>exp</c> and <c>nbf</c>, in seconds (0–300). Default 60.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>Gets or sets the longest token lifetime accepted (<c>exp</c> − <c>iat</c>), in seconds (1–3600). Default 300: the specification asks for at most five minutes.</summary>
    public int MaxTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Gets or sets how long a fetched JWKS is kept, in minutes (1–1440). Default 60; an unknown <c>kid</c> refreshes it at most once a minute.</summary>
    public int JwksCacheMinutes { get; set; } = 60;
}

/// <summary>One trusted CDS Client.</summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>Gets or sets the issuer (<c>iss</c>), exactly as the EHR sends it.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Gets or sets the URL of the issuer's JWKS (https, or http on loopback only).</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>Gets or sets a JWKS file instead of a URL (relative to the content root).</summary>
    public string? JwksPath { get; set; }
}

/// <summary>FHIR server fallback.</summary>
public sealed class FhirServerOptions
{
    /// <summary>Gets the FHIR server base URLs the service may call (prefix match). Empty: never fetch, use prefetch only (a <c>fhirServer</c> given by a request is never trusted by itself).</summary>
    public IList<string> AllowedServers { get; set; } = new List<string>();

    /// <summary>Gets or sets the timeout of one hook call's FHIR fetches together, in seconds (1–30). Default 5. No retries.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Gets or sets the pages followed per search (<c>Bundle.link[next]</c>), 1–20. Default 5.</summary>
    public int MaxPages { get; set; } = 5;
}

/// <summary>Feedback storage.</summary>
public sealed class FeedbackOptions
{
    /// <summary>Gets or sets the SQLite database file (relative to the content root). Default <c>data/feedback.db</c>.</summary>
    public string SqlitePath { get; set; } = "data/feedback.db";
}

/// <summary>Card links.</summary>
public sealed class LinkOptions
{
    /// <summary>Gets or sets how long a card's report and Questionnaire links stay valid, in minutes (1–1440). Default 15. They are held in memory only.</summary>
    public int LifetimeMinutes { get; set; } = 15;

    /// <summary>Gets or sets how many hook calls' links are held at most (10–100000). Default 1000; the oldest go first.</summary>
    public int MaxEntries { get; set; } = 1000;
}

/// <summary>Validates <see cref="CdsHooksOptions"/> at start-up; every problem is named by its configuration key.</summary>
internal sealed class CdsHooksOptionsValidator : IValidateOptions<CdsHooksOptions>
{
    private static readonly Regex ServiceIdPattern = new("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant);
    private readonly IHostEnvironment environment;

    public CdsHooksOptionsValidator(IHostEnvironment environment)
    {
        this.environment = environment;
    }

    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var problems = new List<string>();
        if (options.ServiceId is null || !ServiceIdPattern.IsMatch(options.ServiceId))
        {
            problems.Add("CdsHooks:ServiceId: must be 1–64 lower-case letters, digits or hyphens.");
        }

        if (options.PublicBaseUrl is { } publicBase && (!publicBase.IsAbsoluteUri || (publicBase.Scheme != Uri.UriSchemeHttps && publicBase.Scheme != Uri.UriSchemeHttp)))
        {
            problems.Add("CdsHooks:PublicBaseUrl: must be an absolute http(s) URL.");
        }

        ValidateSecurity(options.Security, problems);
        ValidateRange(options.FhirServer.TimeoutSeconds, 1, 30, "CdsHooks:FhirServer:TimeoutSeconds", problems);
        ValidateRange(options.FhirServer.MaxPages, 1, 20, "CdsHooks:FhirServer:MaxPages", problems);
        for (var i = 0; i < options.FhirServer.AllowedServers.Count; i++)
        {
            if (!Uri.TryCreate(options.FhirServer.AllowedServers[i], UriKind.Absolute, out var server) || !IsSecureOrLoopback(server))
            {
                problems.Add(Invariant($"CdsHooks:FhirServer:AllowedServers:{i}: must be an absolute https URL (http only on loopback)."));
            }
        }

        if (string.IsNullOrWhiteSpace(options.Feedback.SqlitePath))
        {
            problems.Add("CdsHooks:Feedback:SqlitePath: must name a file.");
        }

        ValidateRange(options.Links.LifetimeMinutes, 1, 1440, "CdsHooks:Links:LifetimeMinutes", problems);
        ValidateRange(options.Links.MaxEntries, 10, 100_000, "CdsHooks:Links:MaxEntries", problems);
        for (var i = 0; i < options.CorsOrigins.Count; i++)
        {
            var origin = options.CorsOrigins[i];
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || origin.EndsWith('/')))
            {
                problems.Add(Invariant($"CdsHooks:CorsOrigins:{i}: must be \"*\" or an origin such as https://ehr.example.org (scheme, host, port; no path)."));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static void ValidateRange(int value, int min, int max, string key, List<string> problems)
    {
        if (value < min || value > max)
        {
            problems.Add(Invariant($"{key}: must be between {min} and {max}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void ValidateSecurity(SecurityOptions security, List<string> problems)
    {
        ValidateRange(security.ClockSkewSeconds, 0, 300, "CdsHooks:Security:ClockSkewSeconds", problems);
        ValidateRange(security.MaxTokenLifetimeSeconds, 1, 3600, "CdsHooks:Security:MaxTokenLifetimeSeconds", problems);
        ValidateRange(security.JwksCacheMinutes, 1, 1440, "CdsHooks:Security:JwksCacheMinutes", problems);
        if (security.Mode == AuthenticationMode.Development)
        {
            if (!environment.IsDevelopment())
            {
                problems.Add("CdsHooks:Security:Mode: Development (no authentication) is refused outside the Development environment; configure trusted issuers and use Jwt.");
            }

            return;
        }

        if (security.Mode != AuthenticationMode.Jwt)
        {
            problems.Add("CdsHooks:Security:Mode: must be Jwt or Development.");
            return;
        }

        if (security.Audiences.Count == 0)
        {
            problems.Add("CdsHooks:Security:Audiences: at least one is needed in Jwt mode (the URL the EHR calls, for example https://cds.example.org/cds-services/sarcoma-liver-metastases).");
        }

        for (var i = 0; i < security.Audiences.Count; i++)
        {
            if (!Uri.TryCreate(security.Audiences[i], UriKind.Absolute, out _))
            {
                problems.Add(Invariant($"CdsHooks:Security:Audiences:{i}: must be an absolute URL."));
            }
        }

        if (security.TrustedIssuers.Count == 0)
        {
            problems.Add("CdsHooks:Security:TrustedIssuers: at least one is needed in Jwt mode.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < security.TrustedIssuers.Count; i++)
        {
            var issuer = security.TrustedIssuers[i];
            var key = Invariant($"CdsHooks:Security:TrustedIssuers:{i}");
            if (issuer.Issuer == "urn:sarcoma-consensus:development-ehr" && !environment.IsDevelopment())
            {
                problems.Add(key + ":Issuer: the development EHR's private key is published (DevelopmentKeys/README.md); it is refused outside the Development environment.");
            }

            if (string.IsNullOrWhiteSpace(issuer.Issuer))
            {
                problems.Add(key + ":Issuer: must be set.");
            }
            else if (!seen.Add(issuer.Issuer))
            {
                problems.Add(key + ":Issuer: is listed twice.");
            }

            var hasUri = issuer.JwksUri is not null;
            var hasPath = !string.IsNullOrWhiteSpace(issuer.JwksPath);
            if (hasUri == hasPath)
            {
                problems.Add(key + ": set exactly one of JwksUri and JwksPath.");
            }
            else if (hasUri && (!issuer.JwksUri!.IsAbsoluteUri || !IsSecureOrLoopback(issuer.JwksUri)))
            {
                problems.Add(key + ":JwksUri: must be an absolute https URL (http only on loopback).");
            }
            else if (hasPath && !File.Exists(Path.Combine(environment.ContentRootPath, issuer.JwksPath!)))
            {
                problems.Add(key + ":JwksPath: the file does not exist.");
            }
        }
    }
}
