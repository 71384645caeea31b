using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// The compact catalogue's key table: every message code of the reference (English) wording, in ordinal order, numbered
/// from 0. A compact report names a message by its key instead of spelling its code; the table is published in the
/// compact catalogue (<c>keys</c>, where the key is the position) and identified, together with the defaults the
/// compact layout leaves out (<see cref="FindingDefaults"/>), by <see cref="Hash"/>, which every compact report carries
/// as <c>compactCatalogHash</c>: a report read with another catalogue is detected, never decoded wrongly.
/// </summary>
/// <remarks>
/// The keys are stable for one catalogue (one hash); adding or retiring a code renumbers them and changes the hash.
/// Immutable and thread-safe.
/// </remarks>
internal static class MessageKeys
{
    private static readonly Lazy<Table> Loaded = new(Load);

    /// <summary>Gets the codes in key order (the key of a code is its position).</summary>
    public static IReadOnlyList<string> Codes => Loaded.Value.Codes;

    /// <summary>
    /// Gets <c>sha256:</c> and the hex SHA-256 of the key table (the codes in key order) and of the defaults table
    /// (<c>finding-defaults.json</c>, line ends as <c>\n</c>): the identity of what a compact report needs to be decoded.
    /// </summary>
    public static string Hash => Loaded.Value.Hash;

    /// <summary>Gets the key of a code, or <see langword="false"/> when the reference wording has no such code (a literal message).</summary>
    public static bool TryGetKey(string code, out int key) => Loaded.Value.Keys.TryGetValue(code, out key);

    private static Table Load()
    {
        var codes = MessageCatalog.English.Codes;
        var keys = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        var text = new StringBuilder("sarcoma-consensus compact catalogue\n");
        for (var i = 0; i < codes.Count; i++)
        {
            keys.Add(codes[i], i);
            text.Append(codes[i]).Append('\n');
        }

        text.Append('\u001F').Append(FindingDefaults.Text.Replace("\r\n", "\n"));
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
        var hex = new StringBuilder("sha256:", 7 + (hash.Length * 2));
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return new Table(codes, keys, hex.ToString());
    }

    private sealed class Table
    {
        public Table(IReadOnlyList<string> codes, Dictionary<string, int> keys, string hash)
        {
            Codes = codes;
            Keys = keys;
            Hash = hash;
        }

        public IReadOnlyList<string> Codes { get; }

        public Dictionary<string, int> Keys { get; }

        public string Hash { get; }
    }
}
