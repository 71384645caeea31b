using System;
using System.IO;
using System.Linq;
using System.Text;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// docs/fhir.md, "UTF-8 only": FHIR bytes are read as the patient reader reads a patient document — UTF-8, one leading
/// UTF-8 byte order mark allowed; UTF-16 or UTF-32 (with or without a byte order mark) and bytes of another encoding are
/// refused at <c>(document)</c>, never decoded by guessing and never repeated. UTF-16 with a byte order mark was read.
/// </summary>
public sealed class FhirEncodingTests
{
    private static readonly string Json = FhirJson.Serialize(Bundle(Primary(id: "zqprimary")));

    private static readonly string Answers =
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[{\"linkId\":\"clinical.fitForSurgery\",\"text\":\"zqfit\",\"answer\":[{\"valueBoolean\":true}]}]}";

    public static TheoryData<string> Encodings => new() { "utf-16le-bom", "utf-16be-bom", "utf-32le-bom", "utf-16le", "latin-1" };

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-16le-bom" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
        "utf-16be-bom" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
        "utf-32le-bom" => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray(),
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "latin-1" => Encoding.Latin1.GetBytes(text.Replace("zqprimary", "zqprim\u00e9", StringComparison.Ordinal).Replace("zqfit", "zqfit\u00e9", StringComparison.Ordinal)),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static void AssertRefused(FhirInputException e)
    {
        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.DoesNotContain("zq", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_bundle_that_is_not_UTF8_is_refused_at_the_document(string encoding)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ReadBundle(new MemoryStream(Encode(Json, encoding))));

        AssertRefused(e);
        if (encoding.EndsWith("-bom", StringComparison.Ordinal))
        {
            Assert.Contains("UTF-8 only", e.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Answers_that_are_not_UTF8_are_refused_at_the_document(string encoding)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.Read<QuestionnaireResponse>(new MemoryStream(Encode(Answers, encoding))));

        AssertRefused(e);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_batch_line_that_is_not_UTF8_is_refused_and_never_decoded_with_replacement_characters(string encoding)
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle(Encode(Json, encoding).AsSpan()));

        AssertRefused(e);
    }

    [Fact]
    public void Invalid_UTF8_names_its_byte_position()
    {
        var bytes = Encoding.UTF8.GetBytes(Json);
        bytes[10] = 0xFF;

        var error = Assert.Single(Assert.Throws<FhirInputException>(() => FhirJson.ReadBundle(new MemoryStream(bytes))).Errors);

        Assert.StartsWith("is not UTF-8 text (byte 11 ", error.Message, StringComparison.Ordinal);
    }

    // CheckText (the check before Firely reads UTF-8 in place, as the CDS Hooks service does with prefetch): a string that
    // is not text is refused whether it is escaped or not; strings without escapes are checked as UTF-8 without making a
    // string of them.
    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong encoding of '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xE2, 0x82 })] // a truncated three-byte sequence
    public void CheckText_refuses_a_string_or_name_that_is_not_UTF8(byte[] bad)
    {
        byte[] Document(string before, string after) => Encoding.UTF8.GetBytes(before).Concat(bad).Concat(Encoding.UTF8.GetBytes(after)).ToArray();

        var inValue = Assert.Throws<FhirInputException>(() => FhirJson.CheckText(Document("{\"resourceType\":\"Patient\",\"id\":\"zq", "p\"}")));
        var inName = Assert.Throws<FhirInputException>(() => FhirJson.CheckText(Document("{\"resourceType\":\"Patient\",\"zq", "\":1}")));

        foreach (var e in new[] { inValue, inName })
        {
            Assert.Equal("(document)", Assert.Single(e.Errors).Field);
            Assert.StartsWith("holds a string that is not valid Unicode text", e.Errors[0].Message, StringComparison.Ordinal);
            Assert.DoesNotContain("zq", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckText_refuses_an_escaped_lone_surrogate_and_reads_text_escaped_or_not()
    {
        var lone = Assert.Throws<FhirInputException>(() => FhirJson.CheckText(Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"id\":\"zq\\uD800p\"}")));

        Assert.StartsWith("holds a string that is not valid Unicode text", Assert.Single(lone.Errors).Message, StringComparison.Ordinal);
        FhirJson.CheckText(Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Jos\u00E9 \u4E2D \U0001F600 \\u00e9 \\uD83D\\uDE00 \\\" \\n\"}]}"));
    }

    [Fact]
    public void UTF8_with_or_without_a_byte_order_mark_is_read_from_bytes_streams_and_strings()
    {
        var utf8 = Encoding.UTF8.GetBytes(Json);
        var withMark = Encoding.UTF8.GetPreamble().Concat(utf8).ToArray();

        Assert.Single(FhirJson.ReadBundle(new MemoryStream(utf8)).Entry);
        Assert.Single(FhirJson.ReadBundle(new MemoryStream(withMark)).Entry);
        Assert.Single(FhirJson.ParseBundle(withMark.AsSpan()).Entry);
        Assert.Single(FhirJson.ParseBundle("\uFEFF" + Json).Entry);
        Assert.Equal("completed", FhirJson.Read<QuestionnaireResponse>(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Answers)).ToArray())).Status?.ToString()?.ToLowerInvariant());
    }

    [Fact]
    public void A_resource_of_another_type_is_refused_by_Read()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.Read<QuestionnaireResponse>(new MemoryStream(Encoding.UTF8.GetBytes(Json))));

        Assert.Equal("resourceType", Assert.Single(e.Errors).Field);
    }
}
