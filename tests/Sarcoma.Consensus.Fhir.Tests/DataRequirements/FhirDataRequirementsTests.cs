using System;
using System.Linq;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Fhir.DataRequirements;

namespace Sarcoma.Consensus.Fhir.Tests.DataRequirements;

/// <summary>Each recommendation's data requirements as CDS Hooks prefetch templates.</summary>
public sealed class FhirDataRequirementsTests
{
    [Fact]
    public void Every_recommendation_has_requirements_in_catalog_order()
    {
        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id), FhirDataRequirements.All.Select(r => r.RecommendationId));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => FhirDataRequirements.For("99.9"));
    }

    [Fact]
    public void Every_fact_an_evaluator_reads_is_fetched_by_a_search_or_listed_as_not_in_FHIR()
    {
        foreach (var evaluator in ConsensusEngine.Default.Evaluators)
        {
            var requirements = FhirDataRequirements.For(evaluator.Recommendation.Id);
            foreach (var fact in evaluator.DataRequirements)
            {
                Assert.True(
                    requirements.Queries.Any(q => q.Facts.Contains(fact)) ^ requirements.FactsNotInFhir.Contains(fact),
                    $"{evaluator.Recommendation.Id}: {fact}");
            }
        }
    }

    [Fact]
    public void Prefetch_templates_are_patient_searches_with_unique_keys()
    {
        Assert.Equal(FhirDataRequirements.Prefetch.Count, FhirDataRequirements.Prefetch.Select(q => q.Key).Distinct().Count());
        Assert.All(FhirDataRequirements.Prefetch, q =>
        {
            Assert.Matches("^[A-Z][A-Za-z]+\\?patient=\\{\\{context\\.patientId\\}\\}", q.Template);
            Assert.NotEmpty(q.Facts);
        });
    }

    [Fact]
    public void Resection_candidacy_needs_the_cancer_conditions_and_asks_for_resectability()
    {
        var requirements = FhirDataRequirements.For("5.3");

        Assert.Contains(requirements.Queries, q => q.Key == "cancerConditions" && q.Template.StartsWith("Condition?patient={{context.patientId}}&category=", StringComparison.Ordinal));
        Assert.Contains(Model.FactNames.LesionResectable, requirements.FactsNotInFhir);
    }
}
