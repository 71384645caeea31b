using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Fhir.Tests.Samples;
using Sarcoma.Consensus.Model;
using Hl7QuestionnaireResponse = Hl7.Fhir.Model.QuestionnaireResponse;

namespace Sarcoma.Consensus.Fhir.Tests.Questionnaires;

/// <summary>
/// docs/fhir.md, "The Questionnaire": a linkId that is not one of the Questionnaire's questions is input that may hold
/// anything (control characters, terminal escapes, 100,000 characters); errors and conflicts name the item by its FHIR
/// path, never by that linkId.
/// </summary>
public sealed class UnknownLinkIdTests
{
    private static readonly Hl7.Fhir.Model.Bundle Record = SampleBundleTests.SampleBundle("metachronous-liver-omd");
    private static readonly Patient Patient = ConfirmedLesions.Patient(McodeMapper.Default.Map(Record));
    private static readonly QuestionnaireAnswerOptions Options = QuestionnaireAnswerOptions.ForRecord(Record, new LocalDate(2026, 11, 30));

    private static Hl7QuestionnaireResponse Response(params string[] items) => FhirJson.Parse<Hl7QuestionnaireResponse>(
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[" + string.Join(",", items) + "]}");

    private static string Boolean(string linkIdJson, bool value) =>
        $"{{\"linkId\":\"{linkIdJson}\",\"answer\":[{{\"valueBoolean\":{(value ? "true" : "false")}}}]}}";

    [Theory]
    [InlineData("zq\\u001b]0;zqtitle\\u0007")]
    [InlineData("zq\\nerror: zqforged")]
    [InlineData("zq\\u202ezq")]
    [InlineData("metastases.lesions[].zqresectable")]
    public void An_unknown_linkId_is_named_by_the_items_path_never_repeated(string linkIdJson)
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(Boolean("metastases.lesions[0].resectable", true), Boolean(linkIdJson, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.item[1].linkId", error.Field);
        Assert.DoesNotContain("zq", error.Message, StringComparison.Ordinal);
        Assert.Contains("metastases.lesions[0].resectable", outcome.Applied);
    }

    [Fact]
    public void A_long_unknown_linkId_is_not_repeated()
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(Boolean(new string('z', 100_000), true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.item[0].linkId", error.Field);
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void An_unknown_linkId_answered_twice_differently_is_a_conflict_named_by_path()
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(Boolean("zq\\u001bzq", true), Boolean("zq\\u001bzq", false)), Options);

        var conflict = Assert.Single(outcome.Conflicts);
        Assert.Equal("QuestionnaireResponse.item[0].linkId", conflict.Fact);
        Assert.DoesNotContain("zq", conflict.Explanation, StringComparison.Ordinal);
        Assert.All(outcome.Errors, e => Assert.DoesNotContain("zq", e.Field + e.Message, StringComparison.Ordinal));
    }
}
