using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using NodaTime;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// Mutated patient documents — bytes deleted, tokens inserted or replaced, lone surrogates, control characters,
/// sentinel and signed dates, extreme numbers, deep nesting, byte order marks, invalid UTF-8, truncation — read as a
/// stream and as a string: only <see cref="PatientJsonException"/> escapes the reader, only
/// <see cref="PatientValidationException"/> the engine, both readers agree, and no message carries the label or a date
/// from the document.
/// </summary>
public sealed partial class JsonMutationProperties
{
    private const string Secret = "SECRET case";

    private static readonly LocalDate AsOf = new(2026, 11, 30);

    private static readonly string[] Tokens =
    {
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"\\u0000\"", "\"\\u001b[8m\"", "\"\\n\"", "\"\\u2028\"", "\"\\u202e\"", "\"", "{", "}", "[", "]",
        ",", ":", "null", "true", "false", "-1", "0", "1e309", "-0.0", "25.50", "0.0000000000000000000000000001",
        "79228162514264337593543950336", "1.5", "\"-2022-03-14\"", "\"+002022-03-14\"", "\"1900-01-01\"", "\"0001-01-01\"",
        "\"9999-12-31\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"2099-12-31\"", "\"liver\"", "\"label\"", "\"primary\"", "\"lesions\"",
        "\"8890/3\"", "\"gist\"", "\"g3\"", "{\"a\":1}", "\"\uFEFF\"", "\uFEFF", new string('[', 40), "\"label\":\"x\",\"label\":\"y\"",
        "\"sizeMm\"", "\"segments\":[1,1,9]", "\"lobe\":\"left\"", "\"detectedOn\"", "\"diagnosedOn\"", "\"noEvidenceOfDisease\":true",
    };

    private static readonly string[] Bases = BaseDocuments();

    private static readonly byte[] ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    private static readonly byte[][] InvalidUtf8 = { new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0xED, 0xA0, 0x80 } };

    private readonly ITestOutputHelper output;

    public JsonMutationProperties(ITestOutputHelper output) => this.output = output;

    private enum Kind
    {
        Delete,
        Insert,
        Replace,
        InvalidUtf8,
        Truncate,
        ByteOrderMark,
    }

    [Fact]
    public void Mutated_documents_give_a_patient_or_a_PatientJsonException_and_never_leak_the_label_or_a_date()
    {
        var watch = Stopwatch.StartNew();
        long parsed = 0, rejected = 0, evaluated = 0;
        var mutation = Gen.Select(Gen.Enum<Kind>(), Gen.Double[0, 1], Gen.Int[0, 64], Gen.Int[0, Tokens.Length - 1]);
        var gen = Gen.Select(Gen.Int[0, Bases.Length - 1], mutation.Array[1, 4]);

        Action<int, (Kind, double, int, int)[]> check = (index, mutations) =>
        {
            var bytes = mutations.Aggregate(Encoding.UTF8.GetBytes(Bases[index]), Mutate);
            var fromStream = Read(() => PatientJson.ReadDocument(new MemoryStream(bytes)));
            var fromString = Utf8(bytes) is { } text ? Read(() => PatientJson.ParseDocument(text)) : fromStream;
            ReportChecks.Require(Same(fromStream, fromString), "a string and a stream of the same document are read alike");
            if (fromStream.Error is { } error)
            {
                System.Threading.Interlocked.Increment(ref rejected);
                NoLeak(error.Message + string.Concat(error.Errors.Select(e => e.Field + e.Message)), bytes);
                return;
            }

            System.Threading.Interlocked.Increment(ref parsed);
            try
            {
                var report = ReportChecks.Engine.Evaluate(fromStream.Document!.Patient, AsOf);
                System.Threading.Interlocked.Increment(ref evaluated);
                ReportChecks.Holds(report, fromStream.Document.Patient, AsOf);
            }
            catch (PatientValidationException e)
            {
                NoLeak(e.Message, bytes);
            }
        };

        gen.Sample(
            check,
            iter: FuzzSettings.JsonMutations,
            seed: FuzzSettings.Seed,
            print: t => "base " + t.Item1 + ", mutations " + string.Join(" ", t.Item2.Select(m => m.ToString())) + ": " + Describe(t.Item1, t.Item2));

        output.WriteLine($"JSON mutations: {FuzzSettings.JsonMutations} documents, {rejected} rejected with PatientJsonException, {parsed} read, {evaluated} evaluated, 0 unexpected exceptions, 0 leaks, {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Describe(int index, (Kind, double, int, int)[] mutations)
    {
        try
        {
            return Convert.ToBase64String(mutations.Aggregate(Encoding.UTF8.GetBytes(Bases[index]), Mutate));
        }
        catch (ArgumentException e)
        {
            return "(not printable: " + e.Message + ")";
        }
    }

    private static byte[] Mutate(byte[] document, (Kind Kind, double Where, int Length, int Token) mutation)
    {
        var at = (int)(mutation.Where * document.Length);
        var token = Encoding.UTF8.GetBytes(Tokens[mutation.Token]);
        return mutation.Kind switch
        {
            Kind.Delete => Splice(document, at, 1 + (mutation.Length % 8), Array.Empty<byte>()),
            Kind.Insert => Splice(document, at, 0, token),
            Kind.Replace => Splice(document, at, mutation.Length % 12, token),
            Kind.InvalidUtf8 => Splice(document, at, 0, InvalidUtf8[mutation.Length % InvalidUtf8.Length]),
            Kind.Truncate => Splice(document, at, document.Length, Array.Empty<byte>()),
            _ => Splice(document, 0, 0, mutation.Length % 4 == 0 ? ByteOrderMark.Concat(ByteOrderMark).ToArray() : ByteOrderMark),
        };
    }

    // The document with `remove` bytes at `at` replaced by `insert`, clamped to the document.
    private static byte[] Splice(byte[] document, int at, int remove, byte[] insert)
    {
        at = Math.Clamp(at, 0, document.Length);
        remove = Math.Clamp(remove, 0, document.Length - at);
        var result = new byte[document.Length - remove + insert.Length];
        Array.Copy(document, 0, result, 0, at);
        Array.Copy(insert, 0, result, at, insert.Length);
        Array.Copy(document, at + remove, result, at + insert.Length, document.Length - at - remove);
        return result;
    }

    private static (PatientDocument? Document, PatientJsonException? Error) Read(Func<PatientDocument> read)
    {
        try
        {
            return (read(), null);
        }
        catch (PatientJsonException e)
        {
            ReportChecks.Require(e.Errors.Count > 0 && e.Errors.All(x => x.Field.Length > 0 && !x.Field.StartsWith("$.", StringComparison.Ordinal)), "a PatientJsonException names a field path (FactNames form, $ for the whole document) for each problem");
            return (null, e);
        }
    }

    private static bool Same((PatientDocument? Document, PatientJsonException? Error) a, (PatientDocument? Document, PatientJsonException? Error) b) =>
        a.Error is null
            ? b.Error is null && a.Document!.Patient.Equals(b.Document!.Patient) && a.Document.Label == b.Document.Label
            : b.Error is not null && a.Error.Errors.Select(e => e.Field).SequenceEqual(b.Error.Errors.Select(e => e.Field));

    private static string? Utf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // No message may carry the label or a date of the document; the plausible range's bounds are the only dates allowed.
    private static void NoLeak(string message, byte[] document)
    {
        ReportChecks.Require(!message.Contains(Secret, StringComparison.Ordinal), "no message carries the label");
        var text = Encoding.UTF8.GetString(document);
        foreach (Match date in DatePattern().Matches(message))
        {
            ReportChecks.Require(
                date.Value is "1950-01-01" or "2099-12-31" || !text.Contains(date.Value, StringComparison.Ordinal),
                "no message carries a date from the document");
        }
    }

    [GeneratedRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex DatePattern();

    // The sample patients, each with a label that must never appear in a message, and one document with every field.
    private static string[] BaseDocuments()
    {
        var folder = Path.Combine(RepositoryRoot(), "samples", "patients");
        return Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => PatientJson.ReadDocument(File.OpenRead(f)))
            .Select((d, i) => PatientJson.Serialize(new PatientDocument(d.Patient, Secret + " " + i), i % 2 == 0 ? JsonLayout.SingleLine : JsonLayout.Indented))
            .ToArray();
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { source, AppContext.BaseDirectory })
        {
            for (var directory = Path.GetDirectoryName(start); !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Sarcoma.Consensus.sln")))
                {
                    return directory;
                }
            }
        }

        throw new InvalidOperationException("Sarcoma.Consensus.sln not found.");
    }
}
