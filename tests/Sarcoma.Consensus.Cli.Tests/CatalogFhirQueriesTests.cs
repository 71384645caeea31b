using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Fhir.DataRequirements;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary><c>catalog --json</c> lists each recommendation's FHIR searches (CDS Hooks prefetch templates) and the facts no FHIR resource holds.</summary>
public sealed class CatalogFhirQueriesTests
{
    [Fact]
    public void Catalog_json_lists_the_fhir_queries_and_facts_not_in_fhir_of_every_recommendation()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);

        foreach (var item in document.RootElement.EnumerateArray())
        {
            var expected = FhirDataRequirements.For(item.GetProperty("id").GetString()!);
            Assert.Equal(expected.Queries.Select(q => q.Template), item.GetProperty("fhirQueries").EnumerateArray().Select(q => q.GetProperty("template").GetString()));
            Assert.Equal(expected.Queries.Select(q => q.Key), item.GetProperty("fhirQueries").EnumerateArray().Select(q => q.GetProperty("key").GetString()));
            Assert.Equal(expected.FactsNotInFhir, item.GetProperty("factsNotInFhir").EnumerateArray().Select(f => f.GetString()));
        }
    }

    [Fact]
    public void Catalog_json_for_5_3_fetches_the_cancer_conditions_with_the_cds_hooks_patient_token()
    {
        using var document = JsonDocument.Parse(CliRun.Of("catalog", "--json").Stdout);
        var item = document.RootElement.EnumerateArray().Single(o => o.GetProperty("id").GetString() == "5.3");

        Assert.Contains(
            item.GetProperty("fhirQueries").EnumerateArray().Select(q => q.GetProperty("template").GetString()),
            t => t!.StartsWith("Condition?patient={{context.patientId}}&category=", System.StringComparison.Ordinal));
    }
}
