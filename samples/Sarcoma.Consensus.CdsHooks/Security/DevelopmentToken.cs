using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sarcoma.Consensus.CdsHooks.Security;

/// <summary>
/// <c>dotnet run -- dev-token [AUDIENCE]</c>: a JWT from the pretend development EHR (DevelopmentKeys/README.md), signed
/// with its published private key, valid for 5 minutes, with a fresh <c>jti</c>. For local tests of Jwt mode only.
/// </summary>
internal static class DevelopmentToken
{
    public const string Issuer = "urn:sarcoma-consensus:development-ehr";
    public const string DefaultAudience = "http://localhost:5198/cds-services/sarcoma-liver-metastases";

    public static string Create(string contentRoot, string? audience)
    {
        var key = new JsonWebKey(File.ReadAllText(Path.Combine(contentRoot, "DevelopmentKeys", "development-signing-key.jwk.json")));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? DefaultAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString("D") },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha384),
        });
    }
}
