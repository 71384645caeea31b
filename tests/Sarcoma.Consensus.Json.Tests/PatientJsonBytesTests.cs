using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// #12: reading a document from its UTF-8 bytes (as a batch line is read) gives exactly what reading a stream of the same
/// bytes, or their strictly decoded text, gives — the patient, the label, and on bad input the same problems and
/// positions — and a report appended to a
/// buffer writer is the bytes of <see cref="ReportJson.SerializeToUtf8Bytes(ConsensusReport, ReportJsonOptions?)"/>.
/// </summary>
public sealed class PatientJsonBytesTests
{
    public static TheoryData<string> Documents() => new()
    {
        "{}",
        """{"label":"case 7","primary":{"histology":"myxoid-liposarcoma","grade":"g2","diagnosedOn":"2023-02-28"}}""",
        "\uFEFF{\"label\":\"opened by a byte order mark\"}",
        """{"label":"caf\u00e9 \u2264 5 \ud83d\ude00"}""",
        "{\"label\":\"ü ≤ 5\"}",
        """{"label":"\ud800"}""",
        """{"label":"escaped backslash \\ud800"}""",
        "{\"primary\": {\n",
        "{\"label\": \"x\",}",
        "\uFEFF\uFEFF{}",
        """{"unknownProperty":1}""",
        """{"primary":{"grade":"g9"}}""",
        "[]",
        "",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Bytes_read_as_the_same_bytes_in_a_stream(string text)
    {
        AssertSameAsStream(Encoding.UTF8.GetBytes(text));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'l', (byte)'a', (byte)'b', (byte)'e', (byte)'l', (byte)'"', (byte)':', (byte)'"', 0xC3, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'"', (byte)'x', (byte)'"', (byte)':', 0xFF, (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'l', (byte)'a', (byte)'b', (byte)'e', (byte)'l', (byte)'"', (byte)':', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)'}' })]
    public void Invalid_UTF8_is_reported_as_from_a_stream(byte[] bytes)
    {
        AssertSameAsStream(bytes);
    }

    [Fact]
    public void A_slice_of_a_larger_buffer_is_read_alone()
    {
        var document = Encoding.UTF8.GetBytes("""{"label":"in the middle"}""");
        var buffer = new byte[document.Length + 20];
        buffer.AsSpan().Fill((byte)'x');
        document.CopyTo(buffer, 10);

        var read = PatientJson.ReadDocument(new ReadOnlyMemory<byte>(buffer, 10, document.Length));

        Assert.Equal("in the middle", read.Label);
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles.SampleNames), MemberType = typeof(RepositoryFiles))]
    public void Every_sample_reads_alike_and_its_report_appends_the_serialized_bytes(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryFiles.SamplesDirectory, name));
        AssertSameAsStream(bytes);

        var document = PatientJson.ReadDocument(bytes);
        var report = ConsensusEngine.Default.Evaluate(document.Patient, new LocalDate(2026, 11, 26));
        foreach (var layout in new[] { ReportLayout.Compact, ReportLayout.Full })
        {
            foreach (var formatting in new[] { JsonLayout.SingleLine, JsonLayout.Indented })
            {
                var options = new ReportJsonOptions { Layout = layout, Formatting = formatting, Label = document.Label, LineNumber = 3 };
                var buffer = new ArrayBufferWriter<byte>();
                buffer.Write("prefix"u8);

                ReportJson.Write(buffer, report, options);

                Assert.Equal("prefix"u8.ToArray().Concat(ReportJson.SerializeToUtf8Bytes(report, options)), buffer.WrittenSpan.ToArray());
            }
        }
    }

    // The same as from a stream, and, for valid UTF-8, as from the text decoded strictly (the way every document was read
    // before the bytes were parsed as they are).
    private static void AssertSameAsStream(byte[] bytes)
    {
        var fromStream = Outcome(() => PatientJson.ReadDocument(new MemoryStream(bytes)));
        var fromBytes = Outcome(() => PatientJson.ReadDocument(bytes));
        Assert.Equal(fromStream, fromBytes);

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return;
        }

        Assert.Equal(Outcome(() => PatientJson.ParseDocument(text)), fromBytes);
    }

    // What reading gave, as comparable text: the patient and label, or the exception's type, problems and position.
    private static string Outcome(Func<PatientDocument> read)
    {
        try
        {
            var document = read();
            return "label=" + document.Label + "\n" + PatientJson.Serialize(document.Patient);
        }
        catch (PatientJsonException e)
        {
            return $"{e.GetType().Name} line={e.LineNumber} byte={e.BytePositionInLine}\n" + string.Join("\n", e.Errors.Select(x => x.Field + ": " + x.Message));
        }
        catch (PatientValidationException e)
        {
            return e.GetType().Name + "\n" + string.Join("\n", e.Errors.Select(x => x.Field + ": " + x.Message));
        }
    }
}
