using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// Text the reader cannot trust: lone surrogates anywhere, control characters in the free-text label, a byte order mark.
/// Every case ends in a <see cref="PatientJsonException"/> naming the field, however the document is read.
/// </summary>
public sealed class PatientJsonTextTests
{
    private static readonly string[] LoneSurrogates = { "\\ud800", "\\udfff", "\\udc00\\ud800", "a\\ud83d", "\\uDBFFz" };

    public static TheoryData<string, string> StringFields() => new()
    {
        { """{"label":"X"}""", "label" },
        { """{"$schema":"X"}""", "$schema" },
        { """{"primary":{"histology":"X"}}""", "primary.histology" },
        { """{"primary":{"site":"X"}}""", "primary.site" },
        { """{"primary":{"grade":"X"}}""", "primary.grade" },
        { """{"primary":{"diagnosedOn":"X"}}""", "primary.diagnosedOn" },
        { """{"metastases":{"lesions":[{"site":"X"}]}}""", "metastases.lesions[0].site" },
        { """{"metastases":{"lesions":[{"site":"liver","segments":["X"]}]}}""", "metastases.lesions[0].segments[0]" },
        { """{"metastases":{"lesions":[{"site":"liver","lobe":"X"}]}}""", "metastases.lesions[0].lobe" },
        { """{"treatment":{"liverResections":[{"margin":"X"}]}}""", "treatment.liverResections[0].margin" },
        { """{"treatment":{"systemicTherapyResponse":"X"}}""", "treatment.systemicTherapyResponse" },
        { """{"clinical":{"ecog":"X"}}""", "clinical.ecog" },
        { """{"label":["a","X"]}""", "label[1]" },
        { """{"X":1}""", "['?']" },
        { """{"primary":{"X":true}}""", "primary['?']" },
    };

    [Theory]
    [MemberData(nameof(StringFields))]
    public void An_escaped_lone_surrogate_in_any_string_is_a_PatientJsonException_naming_the_field(string template, string path)
    {
        foreach (var surrogate in LoneSurrogates)
        {
            var json = template.Replace("X", surrogate, StringComparison.Ordinal);

            foreach (var read in Readers())
            {
                var e = Assert.ThrowsAny<Exception>(() => read(json));

                var error = Assert.IsType<PatientJsonException>(e);
                Assert.Equal(path, error.Path);
                Assert.Contains("not valid Unicode", error.Message, StringComparison.Ordinal);
                Assert.False(error.IsSyntaxError);
            }
        }
    }

    [Fact]
    public void A_raw_lone_surrogate_in_a_dotnet_string_is_named_too()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"label\":\"ok \ud800 then\",\"primary\":{\"site\":\"\udc00\"}}"));

        Assert.Equal(new[] { "label", "primary.site" }, e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void A_raw_lone_surrogate_after_a_backslash_is_rejected_at_the_root()
    {
        var e = Assert.Throws<PatientJsonException>(() => PatientJson.Parse("{\"label\":\"\\\ud800\"}"));

        Assert.Equal("$", e.Path);
    }

    [Fact]
    public void A_valid_surrogate_pair_is_accepted()
    {
        Assert.Equal("Case 😀", PatientJson.ParseDocument("""{"label":"Case \ud83d\ude00"}""").Label);
        Assert.Equal("Case 😀", PatientJson.ParseDocument("{\"label\":\"Case 😀\"}").Label);
    }

    [Fact]
    public void The_field_report_with_a_lone_surrogate_label_names_label()
    {
        var e = Assert.Throws<PatientJsonException>(() => Read(FieldReports.Text("01-lone-surrogate-label.json")));

        Assert.Equal("label", e.Path);
    }

    public static TheoryData<string> ForbiddenInLabels() => new()
    {
        "\\n", "\\r", "\\t", "\\u0000", "\\u001b[8m", "\\u007f", "\\u0085", "\\u009b", "\\u2028", "\\u2029", "\\u202e", "\\u2066", "\\u200f",
        // Invisible format characters (Unicode category Cf): zero-width space, zero-width joiner, word joiner, soft
        // hyphen, a byte order mark inside the text, and a tag character (U+E0041, outside the BMP: a surrogate pair).
        "\\u200b", "\\u200d", "\\u2060", "\\u00ad", "\\ufeff", "\\udb40\\udc41", "\u200b",
    };

    [Fact]
    public void Every_invisible_format_character_is_rejected_in_a_label_naming_label_without_repeating_it()
    {
        var formats = FormatCodePoints();
        Assert.Contains(0x200B, formats);
        Assert.Contains(0xE0041, formats);
        foreach (var codePoint in formats)
        {
            var json = "{\"label\":\"SECRET" + char.ConvertFromUtf32(codePoint) + "OK\"}";

            var e = Assert.Throws<PatientJsonException>(() => PatientJson.ParseDocument(json));

            Assert.Equal("label", Assert.Single(e.Errors).Field);
            Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Every code point of Unicode category Cf (format) as this runtime classifies it.</summary>
    internal static List<int> FormatCodePoints()
    {
        var formats = new List<int>();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.Format)
            {
                formats.Add(codePoint);
            }
        }

        return formats;
    }

    [Theory]
    [MemberData(nameof(ForbiddenInLabels))]
    public void A_label_with_a_control_or_formatting_character_is_rejected_naming_label_without_repeating_it(string character)
    {
        var json = "{\"label\":\"SECRET" + character + "Scope: OUT OF SCOPE\"}";

        foreach (var read in Readers())
        {
            var e = Assert.Throws<PatientJsonException>(() => read(json));

            Assert.Equal("label", Assert.Single(e.Errors).Field);
            Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Scope", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_field_report_with_a_forged_report_in_its_label_is_rejected_naming_label()
    {
        var e = Assert.Throws<PatientJsonException>(() => Read(FieldReports.Text("05-label-control-chars.json")));

        Assert.Equal("label", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void A_document_cannot_be_made_with_such_a_label_either()
    {
        // Built in code: a lone surrogate does not survive an attribute argument.
        foreach (var label in new[] { "line\nbreak", "escape\u001b[2J", "bidi\u202eevil", "lone" + '\ud800', '\udc00' + "first", "zero\u200bwidth", "tag\U000E0041" })
        {
            Assert.Throws<ArgumentException>(() => new PatientDocument(new Patient(), label));
        }
    }

    [Fact]
    public void Letters_digits_punctuation_and_non_latin_scripts_are_fine_in_a_label()
    {
        const string label = "Caso 7 — LMS retroperitoneal; ≥ 2 lesiones (segmentos 6/7) · 症例 · حالة";

        Assert.Equal(label, PatientJson.ParseDocument(JsonSerializer.Serialize(new { label })).Label);
    }

    [Fact]
    public void A_string_and_a_stream_both_accept_one_byte_order_mark()
    {
        const string json = """{"primary":{"histology":"8890/3"}}""";

        Assert.Same(Histology.Leiomyosarcoma, PatientJson.Parse("\uFEFF" + json).Primary!.Histology);
        Assert.Same(Histology.Leiomyosarcoma, PatientJson.ParseDocument("\uFEFF" + json).Patient.Primary!.Histology);
        Assert.Same(Histology.Leiomyosarcoma, Read("\uFEFF" + json).Primary!.Histology);
    }

    [Fact]
    public void A_string_and_a_stream_both_reject_two_byte_order_marks()
    {
        const string json = "\uFEFF\uFEFF{}";

        Assert.True(Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json)).IsSyntaxError);
        Assert.True(Assert.Throws<PatientJsonException>(() => Read(json)).IsSyntaxError);
    }

    private static Func<string, PatientDocument>[] Readers() => new Func<string, PatientDocument>[]
    {
        PatientJson.ParseDocument,
        json => new PatientDocument(Read(json)),
        json => PatientJson.ReadDocumentAsync(new MemoryStream(Utf8(json))).GetAwaiter().GetResult(),
        json =>
        {
            using var document = JsonDocument.Parse(json);
            return PatientJson.ReadDocument(document.RootElement);
        },
    };

    private static Patient Read(string json)
    {
        using var stream = new MemoryStream(Utf8(json));
        return PatientJson.Read(stream);
    }

    private static byte[] Utf8(string json) => new UTF8Encoding(false).GetBytes(json);
}
