using System.Linq;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Hl7QuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>A question answered twice with different answers (a duplicate linkId) is never settled by item order: neither answer is applied, and the conflict names both items.</summary>
public sealed class QuestionnaireResponseConflictTests
{
    private const string Fact = "metastases.lesions[0].resectable";

    private static Hl7QuestionnaireResponse Response(string first, string second) => FhirJson.Parse<Hl7QuestionnaireResponse>(
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[" +
        $"{{\"linkId\":\"{Fact}\",\"answer\":[{{\"valueBoolean\":{first}}}]}}," +
        $"{{\"linkId\":\"{Fact}\",\"answer\":[{{\"valueBoolean\":{second}}}]}}]}}");

    [Theory]
    [InlineData("true", "false")]
    [InlineData("false", "true")]
    public void A_duplicate_linkId_with_different_answers_applies_neither_and_names_both_items(string first, string second)
    {
        var patient = ConfirmedLesions.Patient(McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd")));

        var outcome = QuestionnaireAnswers.Apply(patient, Response(first, second));

        Assert.Null(outcome.Patient.Metastases!.Lesions[0].Resectable);
        Assert.DoesNotContain(Fact, outcome.Applied);
        var conflict = Assert.Single(outcome.Conflicts, c => c.Fact == Fact);
        Assert.Contains("QuestionnaireResponse.item[0]", conflict.Explanation);
        Assert.Contains("QuestionnaireResponse.item[1]", conflict.Explanation);
    }

    [Fact]
    public void A_duplicate_linkId_with_the_same_answer_is_applied()
    {
        var patient = ConfirmedLesions.Patient(McodeMapper.Default.Map(SampleBundleTests.SampleBundle("metachronous-liver-omd")));

        var outcome = QuestionnaireAnswers.Apply(patient, Response("true", "true"));

        Assert.True(outcome.Patient.Metastases!.Lesions[0].Resectable);
        Assert.Empty(outcome.Conflicts);
    }
}
