using System;
using System.Collections.Generic;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Security;

public sealed class StartupValidationTests
{
    private static string StartupFailure(IDictionary<string, string?> settings, string environment)
    {
        using var factory = new CdsHooksFactory(settings, environment);
        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        return e.ToString();
    }

    [Fact]
    public void Development_mode_is_refused_outside_the_development_environment()
    {
        var failure = StartupFailure(new Dictionary<string, string?> { ["CdsHooks:Security:Mode"] = "Development" }, "Production");

        Assert.Contains("CdsHooks:Security:Mode", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_production_configuration_does_not_start_until_an_issuer_and_audience_are_configured()
    {
        var failure = StartupFailure(new Dictionary<string, string?>(), "Production");

        Assert.Contains("CdsHooks:Security:TrustedIssuers", failure, StringComparison.Ordinal);
        Assert.Contains("CdsHooks:Security:Audiences", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_values_are_named_by_their_configuration_key()
    {
        var failure = StartupFailure(
            new Dictionary<string, string?>
            {
                ["CdsHooks:FhirServer:TimeoutSeconds"] = "0",
                ["CdsHooks:ServiceId"] = "Not Valid",
                ["CdsHooks:FhirServer:AllowedServers:0"] = "http://fhir.example.org",
                ["CdsHooks:Security:Mode"] = "Jwt",
                ["CdsHooks:Security:Audiences:0"] = "https://cds.test/x",
                ["CdsHooks:Security:TrustedIssuers:0:Issuer"] = "https://ehr.test",
                ["CdsHooks:Security:TrustedIssuers:0:JwksPath"] = "/nonexistent/jwks.json",
            },
            "Development");

        Assert.Contains("CdsHooks:FhirServer:TimeoutSeconds", failure, StringComparison.Ordinal);
        Assert.Contains("CdsHooks:ServiceId", failure, StringComparison.Ordinal);
        Assert.Contains("CdsHooks:FhirServer:AllowedServers:0", failure, StringComparison.Ordinal);
        Assert.Contains("CdsHooks:Security:TrustedIssuers:0:JwksPath", failure, StringComparison.Ordinal);
    }
}
