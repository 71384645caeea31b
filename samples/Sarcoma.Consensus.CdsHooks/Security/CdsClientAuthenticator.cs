using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sarcoma.Consensus.CdsHooks.Options;

namespace Sarcoma.Consensus.CdsHooks.Security;

/// <summary>The outcome of authenticating a CDS Client: the issuer, or why the token was refused (a category, never the token).</summary>
internal sealed record AuthenticationOutcome(bool Succeeded, string? Issuer, string? Failure)
{
    public static AuthenticationOutcome Fail(string failure) => new(false, null, failure);
}

/// <summary>
/// Authenticates the EHR as CDS Hooks 2.0 asks ("Trusting CDS Clients"): a bearer JWT signed with a key of the issuer's
/// JWKS (<see cref="JwksSource"/>), <c>iss</c> among the trusted issuers, <c>aud</c> among the configured audiences,
/// <c>exp</c> present and not passed (with the configured skew), a lifetime of at most <c>MaxTokenLifetimeSeconds</c>,
/// and a <c>jti</c> not seen before (<see cref="ReplayCache"/>). Validation is Microsoft.IdentityModel's
/// <see cref="JsonWebTokenHandler"/>; unsigned tokens (<c>alg: none</c>) are refused by it.
/// </summary>
internal sealed class CdsClientAuthenticator
{
    /// <summary>The algorithms accepted: the specification's ES384 and RS384, and their siblings.</summary>
    public static readonly string[] Algorithms =
    {
        SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.EcdsaSha512, SecurityAlgorithms.RsaSha512, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384,
    };

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly SecurityOptions options;
    private readonly JwksSource keys;
    private readonly ReplayCache replay;
    private readonly TimeProvider time;

    public CdsClientAuthenticator(IOptions<CdsHooksOptions> options, JwksSource keys, ReplayCache replay, TimeProvider time)
    {
        this.options = options.Value.Security;
        this.keys = keys;
        this.replay = replay;
        this.time = time;
    }

    public bool DevelopmentMode => options.Mode == AuthenticationMode.Development;

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (DevelopmentMode)
        {
            return new AuthenticationOutcome(true, "development-mode (not authenticated)", null);
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Fail("no bearer token");
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.Length == 0 || token.Length > 16 * 1024 || !handler.CanReadToken(token))
        {
            return AuthenticationOutcome.Fail("malformed token");
        }

        JsonWebToken jwt;
        try
        {
            jwt = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthenticationOutcome.Fail("malformed token");
        }

        var issuer = options.TrustedIssuers.FirstOrDefault(i => string.Equals(i.Issuer, jwt.Issuer, StringComparison.Ordinal));
        if (issuer is null)
        {
            return AuthenticationOutcome.Fail("untrusted issuer");
        }

        System.Collections.Generic.IReadOnlyList<SecurityKey> signingKeys;
        try
        {
            signingKeys = await keys.GetKeysAsync(issuer, string.IsNullOrEmpty(jwt.Kid) ? null : jwt.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Net.Http.HttpRequestException or System.IO.IOException or ArgumentException or TaskCanceledException)
        {
            return AuthenticationOutcome.Fail("issuer keys unavailable");
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = issuer.Issuer,
            ValidateAudience = true,
            ValidAudiences = options.Audiences,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = signingKeys,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
            ValidAlgorithms = Algorithms,
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthenticationOutcome.Fail(result.Exception switch
            {
                SecurityTokenExpiredException => "expired token",
                SecurityTokenInvalidAudienceException => "wrong audience",
                SecurityTokenInvalidIssuerException => "untrusted issuer",
                SecurityTokenNoExpirationException => "no exp",
                SecurityTokenNotYetValidException => "token not yet valid",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "invalid signature",
                SecurityTokenInvalidAlgorithmException => "algorithm not accepted",
                _ => "invalid token",
            });
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return AuthenticationOutcome.Fail("no jti");
        }

        var issuedAt = jwt.IssuedAt == DateTime.MinValue ? time.GetUtcNow().UtcDateTime : jwt.IssuedAt;
        if (jwt.ValidTo - issuedAt > TimeSpan.FromSeconds(options.MaxTokenLifetimeSeconds))
        {
            return AuthenticationOutcome.Fail("lifetime too long");
        }

        if (!replay.TryUse(issuer.Issuer, jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero).AddSeconds(options.ClockSkewSeconds)))
        {
            return AuthenticationOutcome.Fail("replayed jti");
        }

        return new AuthenticationOutcome(true, issuer.Issuer, null);
    }
}
