using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Security;

/// <summary>CDS Hooks 2.0 "Trusting CDS Clients", with keys generated for the test: the EHR's JWKS is a file the service trusts.</summary>
public sealed class SecurityTests : IDisposable
{
    private const string Issuer = "https://ehr.test";
    private const string Audience = "https://cds.test/cds-services/sarcoma-liver-metastases";
    private readonly ECDsa ehrKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly string jwksPath = Path.Combine(Path.GetTempPath(), "sarcoma-cds-tests", Guid.NewGuid().ToString("N") + ".jwks.json");
    private readonly CdsHooksFactory factory;

    public SecurityTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(jwksPath)!);
        File.WriteAllText(jwksPath, Jwks(ehrKey, "ehr-key-1"));
        factory = new CdsHooksFactory(new Dictionary<string, string?>
        {
            ["CdsHooks:Security:Mode"] = "Jwt",
            ["CdsHooks:Security:Audiences:0"] = Audience,
            ["CdsHooks:Security:TrustedIssuers:0:Issuer"] = Issuer,
            ["CdsHooks:Security:TrustedIssuers:0:JwksPath"] = jwksPath,
        });
    }

    public void Dispose()
    {
        factory.Dispose();
        ehrKey.Dispose();
        File.Delete(jwksPath);
    }

    internal static string Jwks(ECDsa key, string kid)
    {
        var p = key.ExportParameters(false);
        var jwk = new Dictionary<string, string>
        {
            ["kty"] = "EC", ["crv"] = "P-384", ["use"] = "sig", ["alg"] = "ES384", ["kid"] = kid,
            ["x"] = Base64UrlEncoder.Encode(p.Q.X), ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
        };
        return JsonSerializer.Serialize(new { keys = new[] { jwk } });
    }

    private string Token(string issuer = Issuer, string audience = Audience, TimeSpan? expiresIn = null, TimeSpan? issuedAgo = null, string? jti = null, ECDsa? key = null, bool withJti = true)
    {
        var now = DateTime.UtcNow;
        var issued = now - (issuedAgo ?? TimeSpan.Zero);
        var claims = new Dictionary<string, object>();
        if (withJti)
        {
            claims["jti"] = jti ?? Guid.NewGuid().ToString("D");
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = now + (expiresIn ?? TimeSpan.FromMinutes(5)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key ?? ehrKey) { KeyId = "ehr-key-1" }, SecurityAlgorithms.EcdsaSha384),
        });
    }

    private async System.Threading.Tasks.Task<(int Status, JsonElement Body)> Hook(string? bearer) =>
        await Http.PostAsync(factory.CreateClient(), CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")), bearer);

    [Fact]
    public async System.Threading.Tasks.Task A_token_signed_by_the_trusted_ehr_is_accepted()
    {
        var (status, body) = await Hook(Token());

        Assert.Equal(200, status);
        Assert.NotEmpty(body.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async System.Threading.Tasks.Task No_token_is_401()
    {
        var (status, body) = await Hook(null);

        Assert.Equal(401, status);
        Assert.Equal("no bearer token", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task An_unsigned_token_is_401()
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(4).ToUnixTimeSeconds();
        var unsigned = B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + B64($"{{\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp},\"jti\":\"{Guid.NewGuid()}\"}}") + ".";

        Assert.Equal(401, (await Hook(unsigned)).Status);
    }

    [Fact]
    public async System.Threading.Tasks.Task An_expired_token_is_401()
    {
        var (status, body) = await Hook(Token(expiresIn: TimeSpan.FromMinutes(-5), issuedAgo: TimeSpan.FromMinutes(9)));

        Assert.Equal(401, status);
        Assert.Equal("expired token", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_for_another_audience_is_401()
    {
        var (status, body) = await Hook(Token(audience: "https://other.test/cds-services/x"));

        Assert.Equal(401, status);
        Assert.Equal("wrong audience", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_from_an_unknown_issuer_is_401()
    {
        var (status, body) = await Hook(Token(issuer: "https://rogue.test"));

        Assert.Equal(401, status);
        Assert.Equal("untrusted issuer", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_signed_with_another_key_under_the_trusted_kid_is_401()
    {
        using var rogue = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var (status, body) = await Hook(Token(key: rogue));

        Assert.Equal(401, status);
        Assert.Equal("invalid signature", body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task A_replayed_jti_is_401()
    {
        var token = Token();

        Assert.Equal(200, (await Hook(token)).Status);
        var (status, body) = await Hook(token);
        Assert.Equal(401, status);
        Assert.Equal("replayed jti", body.GetProperty("reason").GetString());

        // The same jti in a fresh token is a replay too.
        var jti = Guid.NewGuid().ToString("D");
        Assert.Equal(200, (await Hook(Token(jti: jti))).Status);
        Assert.Equal(401, (await Hook(Token(jti: jti))).Status);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_token_without_jti_or_living_too_long_is_401()
    {
        Assert.Equal("no jti", (await Hook(Token(withJti: false))).Body.GetProperty("reason").GetString());
        Assert.Equal("lifetime too long", (await Hook(Token(expiresIn: TimeSpan.FromHours(1)))).Body.GetProperty("reason").GetString());
    }

    [Fact]
    public async System.Threading.Tasks.Task Feedback_needs_a_token_too_and_discovery_does_not()
    {
        var client = factory.CreateClient();
        var (status, _) = await Http.PostAsync(client, CdsHooksFactory.HookPath + "/feedback", Http.Fixture("hl7-spec_feedback-accepted.json"));
        Assert.Equal(401, status);
        Assert.Equal(200, (await Http.PostAsync(client, CdsHooksFactory.HookPath + "/feedback", Http.Fixture("hl7-spec_feedback-accepted.json"), Token())).Status);
        using var discovery = await client.GetAsync("/cds-services");
        Assert.Equal(System.Net.HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public void The_specifications_example_jwks_yields_its_es384_signing_key()
    {
        var keys = new JsonWebKeySet(Http.Fixture("hl7-spec_jwks-public.json")).GetSigningKeys();

        var key = Assert.Single(keys);
        Assert.Equal("example-kid", key.KeyId);
    }

    [Fact]
    public async System.Threading.Tasks.Task Refusals_are_logged_by_reason_without_the_token()
    {
        var token = Token(audience: "https://other.test/cds-services/x");
        await Hook(token);

        Assert.Contains(factory.Logs.Lines, l => l.Contains("401: wrong audience", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }
}
