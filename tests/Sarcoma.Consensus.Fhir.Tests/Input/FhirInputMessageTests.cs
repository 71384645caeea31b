using System;
using System.IO;
using System.Linq;
using System.Text;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.Fhir.Tests.Input;

/// <summary>
/// Messages for input that is not a FHIR R4 Bundle say what is wrong and where, in the user's terms — never a value of
/// the input, never a parser's internal path or a stack trace (the faults of the breaking check of issue #9).
/// </summary>
public sealed class FhirInputMessageTests
{
    private const string Secret = "Doe-1234567";
    private const string Patient = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"" + Secret + "\"}]}";

    private static FhirInputException Refused(string json) => Assert.Throws<FhirInputException>(() => FhirJson.ParseBundle(json));

    private static string BundleOf(string type, params string[] resources) =>
        "{\"resourceType\":\"Bundle\"" + type + ",\"entry\":[" + string.Join(",", resources.Select(r => "{\"resource\":" + r + "}")) + "]}";

    [Fact]
    public void A_lowercase_resource_type_of_the_document_says_resource_type_is_case_sensitive()
    {
        var e = Refused("{\"resourceType\":\"bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":" + Patient + "}]}");

        var error = Assert.Single(e.Errors);
        Assert.Equal("resourceType", error.Field);
        Assert.Contains("case-sensitive", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"Bundle\"?", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lowercase_resource_type_of_an_entry_is_one_error_at_the_entry()
    {
        var e = Refused(BundleOf(",\"type\":\"collection\"", Patient.Replace("\"Patient\"", "\"patient\"", StringComparison.Ordinal)));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource", error.Field);
        Assert.Contains("case-sensitive (did you mean \"Patient\"?)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PVAL132", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_a_type_names_bundle_type_and_the_allowed_types()
    {
        var e = Refused(BundleOf(string.Empty, Patient));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.type", error.Field);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("collection", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$this", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData("Collection")]
    public void A_bundle_type_that_is_not_a_bundle_type_is_rejected_naming_bundle_type_and_the_allowed_types(string type)
    {
        var e = Refused(BundleOf(",\"type\":\"" + type + "\"", Patient));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.type", error.Field);
        Assert.Equal("is not a Bundle type of FHIR R4 (the value is not repeated here): Bundle.type is one of document, message, transaction, transaction-response, batch, batch-response, history, searchset, collection.", error.Message);
    }

    [Fact]
    public void A_bogus_type_of_a_bundle_inside_the_bundle_is_rejected_too()
    {
        var e = Refused(BundleOf(",\"type\":\"collection\"", "{\"resourceType\":\"Bundle\",\"type\":\"bogus\"}"));

        Assert.Equal("Bundle.entry[0].resource(Bundle).type", Assert.Single(e.Errors).Field);
    }

    [Theory]
    [InlineData("{\"type\":\"collection\",\"entry\":[]}", "resourceType", "is missing")]
    [InlineData("{\"resourceType\":7,\"type\":\"collection\"}", "resourceType", "is a JSON number, not a string")]
    [InlineData("[{\"resourceType\":\"Bundle\"}]", "(document)", "is a JSON array, not a JSON object")]
    [InlineData("null", "(document)", "is JSON null, not a JSON object")]
    public void A_document_that_names_no_resource_type_says_what_it_is(string json, string field, string message)
    {
        var error = Assert.Single(Refused(json).Errors);

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"resourceType\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_resource_type_is_one_error_at_the_entry_without_the_follow_on_noise()
    {
        var e = Refused(BundleOf(",\"type\":\"collection\"", "{\"id\":\"p\",\"gender\":\"male\",\"name\":[{\"family\":\"" + Secret + "\"}]}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource", error.Field);
        Assert.StartsWith("has no resourceType", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "is empty (0 bytes)")]
    [InlineData("\uFEFF", "is empty (0 bytes)")]
    [InlineData("   \n\t\r\n  ", "holds only white space")]
    public void An_empty_document_is_said_to_be_empty_not_malformed(string json, string message)
    {
        var error = Assert.Single(Refused(json).Errors);

        Assert.Equal("(document)", error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_read_as_a_stream_is_said_to_be_empty()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ReadBundle(new MemoryStream(Array.Empty<byte>())));

        Assert.StartsWith("is empty (0 bytes)", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Deeply_nested_json_is_one_clean_error_naming_the_depth_limit(int depth)
    {
        var json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"extension\":" +
            new string('[', depth) + new string(']', depth) + "}}]}";

        var e = Refused(json);

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.StartsWith("nests JSON objects and arrays more than 64 levels deep", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Firely", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\":\"p\\ud800\"")]
    [InlineData("\"name\":[{\"text\":\"SECRET\\udfff\"}]")]
    public void A_lone_surrogate_escape_is_one_clean_error_not_a_crash(string member)
    {
        // Found by a breaker: such a string reached Firely's reader, which threw InvalidOperationException (exit 1).
        var json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"," + member + "}}]}";

        var e = Refused(json);

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.StartsWith("holds a string that is not valid Unicode text", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_not_refused_for_its_depth()
    {
        // 64 levels: Bundle, entry, entry[0], resource, extension, then 59 nested arrays (not FHIR, but JSON within the limit).
        var json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\",\"extension\":" +
            new string('[', 60) + new string(']', 60) + "}}]}";

        var e = Refused(json);

        Assert.DoesNotContain(e.Errors, error => error.Message.Contains("levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_message_of_the_breaking_cases_names_an_element_and_repeats_no_value()
    {
        var cases = new[]
        {
            "{\"resourceType\":\"bundle\",\"id\":\"" + Secret + "\",\"type\":\"collection\"}",
            BundleOf(",\"id\":\"" + Secret + "\"", Patient),
            BundleOf(",\"type\":\"" + Secret + "\"", Patient),
            "{\"id\":\"" + Secret + "\"}",
            BundleOf(",\"type\":\"collection\"", "{\"id\":\"" + Secret + "\"}"),
        };

        foreach (var json in cases)
        {
            var e = Refused(json);
            Assert.All(e.Errors, error => Assert.False(string.IsNullOrEmpty(error.Field)));
            Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("$this", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("7")]
    [InlineData("[]")] // Firely's deserializer throws on an array or object here: refused all the same, naming the entry
    [InlineData("{}")]
    [InlineData("[\"Patient\"]")]
    public void An_entry_whose_resource_type_is_not_a_string_is_one_error_at_the_entry(string type)
    {
        var e = Refused(BundleOf(",\"type\":\"collection\"", "{\"resourceType\":" + type + ",\"id\":\"" + Secret + "\"}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource", error.Field);
        Assert.StartsWith("has a resourceType that is not a JSON string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contained_resource_whose_resource_type_is_an_array_is_refused_not_an_unexplained_exception()
    {
        var e = Assert.Throws<FhirInputException>(() => FhirJson.ParseResource("{\"resourceType\":\"Condition\",\"id\":\"c\",\"contained\":[{\"resourceType\":[],\"id\":\"" + Secret + "\"}],\"subject\":{\"reference\":\"Patient/p\"}}"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"collection\"/></Bundle>")]
    [InlineData("\uFEFF  <?xml version=\"1.0\"?><Bundle xmlns=\"http://hl7.org/fhir\"/>")]
    public void Fhir_xml_is_said_to_be_xml_not_malformed_json(string xml)
    {
        var error = Assert.Single(Refused(xml).Errors);

        Assert.Equal("(document)", error.Field);
        Assert.StartsWith("is XML, not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_bundle_of_each_type_still_parses()
    {
        foreach (var type in new[] { "document", "message", "transaction", "transaction-response", "batch", "batch-response", "history", "searchset", "collection" })
        {
            var bundle = FhirJson.ParseBundle(BundleOf(",\"type\":\"" + type + "\"", Patient));
            Assert.Single(bundle.Entry);
        }

        Assert.NotNull(FhirJson.ReadBundle(new MemoryStream(Encoding.UTF8.GetBytes(BundleOf(",\"type\":\"collection\"", Patient)))));
    }
}
