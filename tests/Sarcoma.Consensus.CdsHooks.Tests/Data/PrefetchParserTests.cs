using System;
using System.Linq;
using System.Text.Json;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.CdsHooks.Data;
using Sarcoma.Consensus.CdsHooks.Tests.Support;
using Sarcoma.Consensus.Fhir.DataRequirements;
using Sarcoma.Consensus.Fhir.Input;

namespace Sarcoma.Consensus.CdsHooks.Tests.Data;

/// <summary>The hook's in-place prefetch reader accepts and refuses what <see cref="FhirJson"/> does, apart from narrative XHTML.</summary>
public sealed class PrefetchParserTests
{
    [Fact]
    public void Every_prefetched_searchset_of_a_sample_reads_as_FhirJson_reads_it()
    {
        var source = Prefetch.SampleBundle("metachronous-liver-omd");
        foreach (var key in FhirDataRequirements.Prefetch.Select(q => q.Key))
        {
            var json = FhirJson.SerializeLine(Prefetch.Searchset(source, key));
            using var document = JsonDocument.Parse(json);

            var resource = PrefetchParser.Parse(document.RootElement);

            Assert.Equal(FhirJson.Serialize(FhirJson.ParseResource(json)), FhirJson.Serialize(resource));
        }
    }

    [Fact]
    public void Every_prefetched_searchset_of_every_sample_is_read_the_plain_way()
    {
        // The quick read (FhirJson.TryReadPlain: structural check, then Firely without its validator) is the hook's usual path.
        foreach (var sample in new[] { "metachronous-liver-omd", "liver-and-lung-omd", "diffuse-peritoneal-disease", "post-resection-follow-up" })
        {
            var source = Prefetch.SampleBundle(sample);
            foreach (var key in FhirDataRequirements.Prefetch.Select(q => q.Key))
            {
                var utf8 = System.Text.Encoding.UTF8.GetBytes(FhirJson.SerializeLine(Prefetch.Searchset(source, key)));

                Assert.True(FhirJson.TryReadPlain(utf8, out _), sample + " " + key);
            }
        }
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetdatetime\":\"2020-01-01\"}")] // wrongly cased element
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"text\":\"x\"}}")] // mandatory subject missing
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"pile\"}")] // Bundle.type outside its required value set
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetBoolean\":true}}]}")] // choice type not allowed
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c\",\"category\":[null],\"subject\":{\"reference\":\"Patient/p\"}}}]}")] // null in an array
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"onsetWhen\":\"2020-01-01\"}")] // unknown element
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"recordedDate\":true}")] // wrong JSON type
    [InlineData("{\"resourceType\":\"Conditon\",\"id\":\"c\"}")] // misspelt resource type
    [InlineData("{\"id\":\"c\"}")] // no resourceType
    [InlineData("[1,2]")] // not an object
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":[]}}]}")] // an entry's resourceType an array (Firely throws)
    [InlineData("{\"resourceType\":\"Condition\",\"id\":\"c\",\"contained\":[{\"resourceType\":{}}],\"subject\":{\"reference\":\"Patient/p\"}}")] // a contained resourceType an object
    public void A_value_FhirJson_refuses_is_refused_with_FhirJsons_errors(string json)
    {
        using var document = JsonDocument.Parse(json);

        var refused = Assert.Throws<FhirInputException>(() => PrefetchParser.Parse(document.RootElement));

        Assert.Equal(Assert.Throws<FhirInputException>(() => FhirJson.ParseResource(json)).Message, refused.Message);
    }

    [Fact]
    public void A_value_with_a_tolerated_issue_is_read_as_FhirJson_reads_it()
    {
        // A malformed date is kept as text (the mapper rejects it where it reads it): FhirJson decides, the same way.
        const string json = "{\"resourceType\":\"Condition\",\"id\":\"c\",\"subject\":{\"reference\":\"Patient/p\"},\"recordedDate\":\"2020-13-45\"}";
        using var document = JsonDocument.Parse(json);

        var resource = Assert.IsType<Condition>(PrefetchParser.Parse(document.RootElement));

        Assert.Equal("2020-13-45", resource.RecordedDateElement?.Value);
    }

    [Fact]
    public void Narrative_xhtml_is_not_validated_a_malformed_one_does_not_refuse_the_resource()
    {
        // Narrative is display text the mapper never reads; FhirJson (strict, FHIR XHTML rules) refuses malformed XML in it.
        const string json = "{\"resourceType\":\"Condition\",\"id\":\"c\",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p>unclosed</div>\"},\"subject\":{\"reference\":\"Patient/p\"}}";
        using var document = JsonDocument.Parse(json);

        var resource = Assert.IsType<Condition>(PrefetchParser.Parse(document.RootElement));

        Assert.Equal("c", resource.Id);
        Assert.Throws<FhirInputException>(() => FhirJson.ParseResource(json));
    }
}
