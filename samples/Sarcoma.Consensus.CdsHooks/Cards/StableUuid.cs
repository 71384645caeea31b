using System;
using System.Security.Cryptography;
using System.Text;

namespace Sarcoma.Consensus.CdsHooks.Cards;

/// <summary>
/// Card and suggestion uuids: a name-based UUID (RFC 9562 version 8, SHA-256) of the hook instance and the card kind.
/// The same request gets the same uuids (a retried call, a snapshot); another hook call gets others; the uuid carries
/// nothing of the patient, so feedback stored under it is not patient data.
/// </summary>
internal static class StableUuid
{
    public static string For(Guid hookInstance, params string[] parts)
    {
        var name = "sarcoma-consensus/cds-hooks/v1|" + hookInstance.ToString("D") + "|" + string.Join("|", parts);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
