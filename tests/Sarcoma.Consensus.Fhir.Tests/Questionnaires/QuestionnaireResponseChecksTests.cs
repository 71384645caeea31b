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
/// docs/fhir.md, "The Questionnaire": a QuestionnaireResponse that is not this patient's, is withdrawn or is dated after
/// the evaluation applies no answer; a linkId with a non-canonical list index is an error at its path, never an alias.
/// </summary>
public sealed class QuestionnaireResponseChecksTests
{
    private const string Resectable = "metastases.lesions[0].resectable";
    private static readonly LocalDate AsOf = new(2026, 11, 30);

    private static readonly Hl7.Fhir.Model.Bundle Record = SampleBundleTests.SampleBundle("metachronous-liver-omd");
    private static readonly Patient Patient = ConfirmedLesions.Patient(McodeMapper.Default.Map(Record));
    private static readonly QuestionnaireAnswerOptions Options = QuestionnaireAnswerOptions.ForRecord(Record, AsOf);

    private static Hl7QuestionnaireResponse Response(string header, params string[] items) => FhirJson.Parse<Hl7QuestionnaireResponse>(
        "{\"resourceType\":\"QuestionnaireResponse\"" + header + ",\"item\":[" + string.Join(",", items) + "]}");

    private static string Boolean(string linkId, bool value) =>
        $"{{\"linkId\":\"{linkId}\",\"answer\":[{{\"valueBoolean\":{(value ? "true" : "false")}}}]}}";

    [Fact]
    public void The_records_patient_as_subject_by_id_or_fullUrl_is_applied()
    {
        foreach (var subject in new[] { "Patient/patient", "https://example.org/fhir/Patient/patient" })
        {
            var outcome = QuestionnaireAnswers.Apply(Patient, Response($",\"status\":\"completed\",\"subject\":{{\"reference\":\"{subject}\"}},\"authored\":\"2026-11-29\"", Boolean(Resectable, true)), Options);

            Assert.Empty(outcome.Errors);
            Assert.Contains(Resectable, outcome.Applied);
        }
    }

    [Theory]
    [InlineData("{\"reference\":\"Patient/zq7\"}")]
    [InlineData("{\"reference\":\"Group/g1\"}")]
    [InlineData("{\"reference\":\"http://zqhost/fhir/Patient/patient\"}")]
    [InlineData("{\"identifier\":{\"system\":\"urn:oid:1.2.3\",\"value\":\"MRN-4711\"}}")]
    public void A_response_about_another_subject_applies_no_answer(string subject)
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(",\"status\":\"completed\",\"subject\":" + subject, Boolean(Resectable, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.subject", error.Field);
        Assert.DoesNotContain("zq", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN", error.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Applied);
        Assert.Null(outcome.Patient.Metastases!.Lesions[0].Resectable);
    }

    [Fact]
    public void Without_the_record_a_subject_must_still_be_a_relative_Patient_reference()
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(",\"status\":\"completed\",\"subject\":{\"reference\":\"Group/g1\"}", Boolean(Resectable, true)));

        Assert.Equal("QuestionnaireResponse.subject", Assert.Single(outcome.Errors).Field);
        Assert.Empty(outcome.Applied);
    }

    [Fact]
    public void A_response_entered_in_error_applies_no_answer()
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(",\"status\":\"entered-in-error\"", Boolean(Resectable, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.status", error.Field);
        Assert.Empty(outcome.Applied);
        Assert.Null(outcome.Patient.Metastases!.Lesions[0].Resectable);
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2027-01-01T09:00:00Z")]
    [InlineData("1890-01-01")]
    [InlineData("2026-02-30")]
    public void A_response_authored_after_the_evaluation_date_or_on_no_plausible_date_applies_no_answer(string authored)
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response($",\"status\":\"completed\",\"authored\":\"{authored}\"", Boolean(Resectable, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.authored", error.Field);
        Assert.DoesNotContain(authored.Substring(0, 4), error.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Applied);
    }

    [Fact]
    public void A_date_answer_after_the_evaluation_date_or_after_authored_is_an_error()
    {
        var future = QuestionnaireAnswers.Apply(
            Patient,
            Response(",\"status\":\"completed\"", "{\"linkId\":\"treatment.lastTreatmentEndedOn\",\"answer\":[{\"valueDate\":\"2027-03-01\"}]}"),
            Options);
        var afterAuthored = QuestionnaireAnswers.Apply(
            Patient,
            Response(",\"status\":\"completed\",\"authored\":\"2026-06-01\"", "{\"linkId\":\"treatment.lastTreatmentEndedOn\",\"answer\":[{\"valueDate\":\"2026-07-01\"}]}"),
            Options);

        Assert.Equal(FactNames.LastTreatmentEndedOn, Assert.Single(future.Errors).Field);
        Assert.Equal(FactNames.LastTreatmentEndedOn, Assert.Single(afterAuthored.Errors).Field);
        Assert.Null(future.Patient.Treatment.LastTreatmentEndedOn);
        Assert.Null(afterAuthored.Patient.Treatment.LastTreatmentEndedOn);
    }

    [Theory]
    [InlineData("2026-01-02T10:00:00Z")]
    [InlineData("2026-01-02T10:00:00+01:00")]
    [InlineData("2026-01-02T10:00")]
    public void A_valueDate_with_a_time_is_an_error_at_the_items_answer_and_is_not_applied(string value)
    {
        var outcome = QuestionnaireAnswers.Apply(
            Patient,
            Response(",\"status\":\"completed\"", Boolean(Resectable, true), "{\"linkId\":\"treatment.lastTreatmentEndedOn\",\"answer\":[{\"valueDate\":\"" + value + "\"}]}"),
            Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.item[1].answer[0].valueDate", error.Field);
        Assert.StartsWith("is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD, without a time)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", error.Message, StringComparison.Ordinal);
        Assert.Null(outcome.Patient.Treatment.LastTreatmentEndedOn);
    }

    [Fact]
    public void A_valueDate_with_a_time_in_a_new_liver_resection_is_an_error_at_its_path()
    {
        var resection = "{\"linkId\":\"" + FactNames.LiverResections + "\",\"item\":[{\"linkId\":\"" + FactNames.LiverResectionPerformedOn + "\",\"answer\":[{\"valueDate\":\"2025-01-02T10:00:00Z\"}]}]}";

        var outcome = QuestionnaireAnswers.Apply(Patient, Response(",\"status\":\"completed\"", resection), Options);

        Assert.Contains(outcome.Errors, e => e.Field == "QuestionnaireResponse.item[0].item[0].answer[0].valueDate");
    }

    [Fact]
    public void A_valueDate_without_a_time_is_applied()
    {
        var outcome = QuestionnaireAnswers.Apply(
            Patient,
            Response(",\"status\":\"completed\"", "{\"linkId\":\"treatment.lastTreatmentEndedOn\",\"answer\":[{\"valueDate\":\"2026-01-02\"}]}"),
            Options);

        Assert.Empty(outcome.Errors);
        Assert.Equal(new LocalDate(2026, 1, 2), outcome.Patient.Treatment.LastTreatmentEndedOn);
    }

    [Theory]
    [InlineData("metastases.lesions[01].resectable")]
    [InlineData("metastases.lesions[+0].resectable")]
    [InlineData("metastases.lesions[ 0].resectable")]
    [InlineData("metastases.lesions[0000000000].resectable")]
    [InlineData("metastases.lesions[99999999999].resectable")]
    public void A_linkId_with_a_non_canonical_index_is_an_error_at_its_path_naming_the_shape(string linkId)
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response(",\"status\":\"completed\"", Boolean(linkId, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.item[0].linkId", error.Field);
        Assert.Contains("metastases.lesions[].resectable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(linkId, error.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Applied);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_alias_of_an_index_is_not_settled_by_order(bool first, bool second)
    {
        var outcome = QuestionnaireAnswers.Apply(
            Patient,
            Response(",\"status\":\"completed\"", Boolean("metastases.lesions[1].resectable", first), Boolean("metastases.lesions[01].resectable", second)),
            Options);

        Assert.Equal("QuestionnaireResponse.item[1].linkId", Assert.Single(outcome.Errors).Field);
        Assert.Equal(first, outcome.Patient.Metastases!.Lesions[1].Resectable);
    }

    [Fact]
    public void A_question_answered_twice_inside_one_new_lesion_entry_is_an_error_not_an_exception()
    {
        var patient = Patient with { Metastases = Patient.Metastases! with { Lesions = Array.Empty<Lesion>() } };
        var group = "{\"linkId\":\"metastases.lesions\",\"item\":[" +
            "{\"linkId\":\"metastases.lesions[].site\",\"answer\":[{\"valueString\":\"liver\"}]}," +
            "{\"linkId\":\"metastases.lesions[].site\",\"answer\":[{\"valueString\":\"lung\"}]}]}";

        var outcome = QuestionnaireAnswers.Apply(patient, Response(",\"status\":\"completed\"", group), Options);

        Assert.Contains(outcome.Errors, e => e.Field == FactNames.LesionSite);
        Assert.DoesNotContain(FactNames.Lesions, outcome.Applied);
    }

    [Fact]
    public void The_sample_response_is_still_applied_whole()
    {
        var response = FhirJson.Parse<Hl7QuestionnaireResponse>(System.IO.File.ReadAllText(System.IO.Path.Combine(Support.Repo.SampleBundles, "responses", "metachronous-liver-omd.json")));

        var outcome = QuestionnaireAnswers.Apply(Patient, response, Options);

        Assert.Empty(outcome.Errors);
        Assert.NotEmpty(outcome.Applied);
    }

    [Theory]
    [InlineData("2027")]
    [InlineData("2026-12")]
    public void A_response_authored_in_a_partial_date_after_the_evaluation_applies_no_answer(string authored)
    {
        var outcome = QuestionnaireAnswers.Apply(Patient, Response($",\"status\":\"completed\",\"authored\":\"{authored}\"", Boolean(Resectable, true)), Options);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("QuestionnaireResponse.authored", error.Field);
        Assert.DoesNotContain(authored, error.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Applied);
    }
}
