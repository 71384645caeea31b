using System.Collections.Generic;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Json.Internal;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// Issue #12: the reader's allocation-free paths give exactly what the general ones give (same values, same errors).
/// </summary>
public sealed class ReaderFastPathTests
{
    public static TheoryData<string> DateTexts() => new()
    {
        "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0000-01-01", "0000-02-29", "9999-12-31",
        "2025-00-10", "2025-13-01", "2025-04-31", "2025-04-30", "2025-01-00", "2025-01-32", "2025-12-31", "1999-09-09",
    };

    [Theory]
    [MemberData(nameof(DateTexts))]
    public void A_date_is_read_as_the_ISO_pattern_reads_it(string text)
    {
        var expected = LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : (LocalDate?)null;
        using var document = JsonDocument.Parse("{\"on\":\"" + text + "\"}");
        var errors = new ReadErrors();
        var reader = ObjectReader.Open(document.RootElement, JsonPath.Root, errors)!;

        var read = reader.Date("on");

        Assert.Equal(expected, read);
        Assert.Equal(expected is null ? 1 : 0, errors.Count);
    }

    public static TheoryData<string, int?> Integers() => new()
    {
        { "3", 3 }, { "-0", 0 }, { "0", 0 }, { "-7", -7 }, { "3.0", 3 }, { "30e-1", 3 }, { "3e0", 3 }, { "2147483647", int.MaxValue },
        { "-2147483648", int.MinValue }, { "2147483648", null }, { "3.5", null }, { "1e-400", null }, { "3.0000000000000000000000000000001", null },
    };

    [Theory]
    [MemberData(nameof(Integers))]
    public void A_whole_number_is_read_exactly_whatever_its_form(string json, int? expected)
    {
        using var document = JsonDocument.Parse(json);

        var whole = ObjectReader.TryGetExactInteger(document.RootElement, out var number);

        Assert.Equal(expected is not null, whole);
        Assert.Equal(expected ?? 0, number);
    }

    [Theory]
    [InlineData("{\"a\":\"x\"}", false)]
    [InlineData("{\"a\":\"\\u00e9\\n\\\"\"}", false)]
    [InlineData("{\"a\":\"\\ud800\"}", true)]
    [InlineData("{\"a\":\"\\uDFFF\"}", true)]
    [InlineData("{\"a\":\"\\ud83d\\ude00\"}", true)]
    [InlineData("{\"\\udc00\":1}", true)]
    [InlineData("{\"a\":\"\\\\ud800\"}", true)]
    [InlineData("{\"a\":\"\\u0d80\"}", false)]
    public void The_Unicode_walk_is_skipped_only_when_no_escaped_surrogate_can_be_present(string json, bool mayHold)
    {
        Assert.Equal(mayHold, TextCheck.MayHoldSurrogateEscape(json));

        // Whenever the walk is skipped it would have found nothing.
        if (!mayHold)
        {
            using var document = JsonDocument.Parse(json);
            var errors = new List<Model.ValidationError>();
            TextCheck.Unicode(document.RootElement, JsonPath.Root, errors);
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Errors_name_the_same_paths_when_paths_are_built_only_for_errors()
    {
        const string json = "{\"primary\":{\"grade\":7,\"diagnosedOn\":\"2025-02-30\",\"Resected\":true,\"site\":\"nowhere\",\"site\":\"x\"}," +
            "\"metastases\":{\"lesions\":[{\"site\":\"liver\",\"segments\":[1,9.5]},{\"sizeMm\":\"big\"},7]}}";

        var problem = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));

        Assert.Equal(
            new[]
            {
                "primary.site", "primary.site", "primary.grade", "primary.diagnosedOn", "primary.Resected",
                "metastases.lesions[0].segments[1]", "metastases.lesions[1].site", "metastases.lesions[1].sizeMm", "metastases.lesions[2]",
            },
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(problem.Errors, e => e.Field)));
    }
}
