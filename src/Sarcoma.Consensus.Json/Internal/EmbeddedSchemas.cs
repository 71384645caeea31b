using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>The JSON Schemas of <c>docs/schema/</c>, embedded in the assembly at build time (see the project file).</summary>
internal static class EmbeddedSchemas
{
    private const string Prefix = "Sarcoma.Consensus.Json.Schemas.";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>Reads a schema by file name, for example <c>patient.schema.json</c>.</summary>
    public static string Read(string fileName) => Cache.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException("The schema " + name + " is not embedded in the package.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    });
}
