using System;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Input the mapper cannot use is an input error naming the element, never a value: a malformed date or status in an
/// element it reads, and input with no patient data at all. Absence of a particular resource stays unknown.
/// </summary>
public sealed class MapperInputErrorTests
{
    private const string Secret = "last spring";
    private const string Impossible = "2025-13-45";
    private const string DateMessage = "is not a valid FHIR dateTime (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time): the date cannot be read, and is not repeated here.";

    private static FhirInputException Refused(params string[] resources) =>
        Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(resources)));

    [Theory]
    [InlineData(Secret)]
    [InlineData(Impossible)]
    [InlineData("2022-02-30")]
    [InlineData("14/03/2022")]
    public void A_malformed_primary_onset_is_an_input_error_naming_the_element_never_the_value(string onset)
    {
        var e = Refused(Primary(onset: onset));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource(Condition).onsetDateTime", error.Field);
        Assert.Equal(DateMessage, error.Message);
        Assert.False(e.NoPatientData);
        Assert.DoesNotContain(onset, e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> EveryDateElementTheMapperReads() => new()
    {
        // SecondaryCancerCondition.onset[x] and recordedDate
        { new[] { Primary(), Secondary("liver", "94381002", onset: Secret) }, "Bundle.entry[1].resource(Condition).onsetDateTime" },
        { new[] { Primary(), Secondary("liver", "94381002", onset: null).Replace("\"subject\"", "\"recordedDate\":\"" + Impossible + "\",\"subject\"", StringComparison.Ordinal) }, "Bundle.entry[1].resource(Condition).recordedDate" },
        // Condition.onsetPeriod
        { new[] { Primary(onset: null).Replace("\"subject\"", "\"onsetPeriod\":{\"start\":\"" + Secret + "\"},\"subject\"", StringComparison.Ordinal) }, "Bundle.entry[0].resource(Condition).onsetPeriod.start" },
        // ECOG, histologic grade, TumorSize, CancerDiseaseStatus: Observation.effective[x]
        { new[] { Primary(), Observation("ps", "89247-1", "\"valueInteger\":1", date: Secret) }, "Bundle.entry[1].resource(Observation).effectiveDateTime" },
        { new[] { Primary(), Observation("g", "21858-6", "\"valueInteger\":2", date: Impossible) }, "Bundle.entry[1].resource(Observation).effectiveDateTime" },
        { new[] { Primary(), Secondary("liver", "94381002"), Tumor("t1", "liver"), TumorSize("s1", "t1", 3.2m, "cm").Replace("2025-09-02", Secret, StringComparison.Ordinal) }, "Bundle.entry[3].resource(Observation).effectiveDateTime" },
        { new[] { Primary(), Observation("ds", "97509-4", "\"valueCodeableConcept\":" + Coding(Sct, "260415000"), date: Secret) }, "Bundle.entry[1].resource(Observation).effectiveDateTime" },
        { new[] { Primary(), Observation("ps", "89247-1", "\"valueInteger\":1").Replace("\"effectiveDateTime\":\"2025-09-10\"", "\"effectiveInstant\":\"" + Secret + "\"", StringComparison.Ordinal) }, "Bundle.entry[1].resource(Observation).effectiveInstant" },
        // CancerRelatedSurgicalProcedure.performed[x]
        { new[] { Primary(), Procedure("op", Sct, "65801008", Secret, reason: "primary") }, "Bundle.entry[1].resource(Procedure).performedDateTime" },
        { new[] { Primary(), Procedure("op", Sct, "65801008", "2023-01-01", reason: "primary").Replace("\"performedDateTime\":\"2023-01-01\"", "\"performedPeriod\":{\"start\":\"2023-01-01\",\"end\":\"" + Impossible + "\"}", StringComparison.Ordinal) }, "Bundle.entry[1].resource(Procedure).performedPeriod.end" },
        // CancerRelatedMedicationRequest.authoredOn
        { new[] { Primary(), Secondary("liver", "94381002"), MedicationRequest("mr", "active", Secret, "liver") }, "Bundle.entry[2].resource(MedicationRequest).authoredOn" },
    };

    [Theory]
    [MemberData(nameof(EveryDateElementTheMapperReads))]
    public void A_malformed_date_in_any_element_the_mapper_reads_is_an_input_error(string[] resources, string field)
    {
        var e = Refused(resources);

        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("is not a valid FHIR ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Impossible, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_without_an_id_are_named_by_their_position_and_every_problem_is_listed()
    {
        var e = Refused(Primary(onset: Secret), Observation("ps", "89247-1", "\"valueInteger\":1", date: Impossible));

        Assert.Equal(
            new[] { "Bundle.entry[0].resource(Condition).onsetDateTime", "Bundle.entry[1].resource(Observation).effectiveDateTime" },
            e.Errors.Select(error => error.Field).ToArray());
    }

    [Fact]
    public void A_malformed_date_in_a_resource_the_mapper_does_not_read_is_not_an_error()
    {
        // A blood-pressure Observation: not an mCODE resource the consensus reads.
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Observation("bp", "85354-9", "\"valueString\":\"x\"", date: Secret)));

        Assert.Equal(new LocalDate(2022, 3, 14), mapping.Patient.Primary!.DiagnosedOn);
    }

    [Fact]
    public void A_partial_date_is_valid_FHIR_and_leaves_the_fact_unknown_not_an_error()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(onset: "2022-03")));

        Assert.Null(mapping.Patient.Primary!.DiagnosedOn);
        var entry = mapping.Report.UnknownEntry(FactNames.PrimaryDiagnosedOn)!;
        Assert.Equal(UnknownReason.Ambiguous, entry.Reason);
        Assert.Contains("partial date", entry.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2022-03-14T10:30:00+01:00")]
    [InlineData("2022-03-14T10:30:00Z")]
    [InlineData("2022-03-14T10:30:00")]
    public void A_date_time_is_read_as_its_calendar_date_with_or_without_a_zone(string onset)
    {
        Assert.Equal(new LocalDate(2022, 3, 14), McodeMapper.Default.Map(Bundle(Primary(onset: onset))).Patient.Primary!.DiagnosedOn);
    }

    [Fact]
    public void A_status_code_outside_its_value_set_is_an_input_error_not_a_silently_dropped_resource()
    {
        var e = Refused(Primary(), Observation("ps", "89247-1", "\"valueInteger\":1").Replace("\"final\"", "\"finall\"", StringComparison.Ordinal));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource(Observation).status", error.Field);
        Assert.Equal("is not a code of its required FHIR R4 value set: the resource's status cannot be read (the code is not repeated here).", error.Message);
        Assert.DoesNotContain("finall", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surgical_procedure_with_a_status_outside_its_value_set_is_an_input_error()
    {
        var e = Refused(Primary(), Procedure("op", Sct, "65801008", "2023-01-01", reason: "primary").Replace("\"completed\"", "\"complete\"", StringComparison.Ordinal));

        Assert.Equal("Bundle.entry[1].resource(Procedure).status", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void A_cancer_condition_status_code_unknown_to_its_code_system_is_an_input_error()
    {
        var e = Refused(Primary(), Secondary("liver", "94381002", clinical: "activ"));

        Assert.Equal("Bundle.entry[1].resource(Condition).clinicalStatus", Assert.Single(e.Errors).Field);
        Assert.DoesNotContain("activ\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_given_one_by_one_are_named_by_their_position_in_the_list()
    {
        var condition = Bundle(Primary(onset: Secret)).Entry[0].Resource!;

        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new Resource[] { condition }));

        Assert.Equal("resources[0](Condition).onsetDateTime", Assert.Single(e.Errors).Field);
    }

    // ---------------------------------------------------------------- no patient data

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")]
    public void An_empty_bundle_has_no_patient_data(string json)
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(FhirJson.ParseBundle(json)));

        Assert.True(e.NoPatientData);
        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry", error.Field);
        Assert.Equal("is empty or absent: the input holds no resources, so there is no patient data to evaluate.", error.Message);
        Assert.StartsWith("No patient data in the FHIR input: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_of_resources_about_no_patient_has_no_patient_data()
    {
        var e = Refused(
            "{\"resourceType\":\"Practitioner\",\"id\":\"dr\",\"name\":[{\"family\":\"Doe-1234567\"}]}",
            "{\"resourceType\":\"Organization\",\"id\":\"org\"}",
            "{\"resourceType\":\"Medication\",\"id\":\"m\"}");

        Assert.True(e.NoPatientData);
        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry", error.Field);
        Assert.Equal(
            "holds no patient data: none of its 3 resource(s) (Medication, Organization, Practitioner) is a Patient or a resource about a patient (one with a subject or patient reference, or a Condition, Observation, BodyStructure, Procedure or medication resource).",
            error.Message);
        Assert.DoesNotContain("Doe-1234567", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_search_results_have_no_patient_data()
    {
        var empty = new Hl7.Fhir.Model.Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset };

        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new Resource[] { empty, new Hl7.Fhir.Model.Bundle { Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset } }));

        Assert.True(e.NoPatientData);
        Assert.Equal("resources", Assert.Single(e.Errors).Field);
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"p\"}")]
    [InlineData("{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/p\"}}")]
    [InlineData("{\"resourceType\":\"AllergyIntolerance\",\"patient\":{\"reference\":\"Patient/p\"}}")]
    public void A_record_with_a_patient_but_no_cancer_resource_is_mapped_with_every_fact_unknown(string resource)
    {
        var mapping = McodeMapper.Default.Map(Bundle(resource));
        var report = ConsensusEngine.Default.Evaluate(mapping.Patient, new LocalDate(2026, 11, 26));

        Assert.Null(mapping.Patient.Primary);
        Assert.Null(mapping.Patient.Metastases);
        Assert.Equal(UnknownReason.NoResource, mapping.Report.UnknownEntry(FactNames.PrimaryHistology)!.Reason);
        Assert.Null(report.Scope.InScope);
        Assert.All(report.Results, r => Assert.NotEqual(EvaluationStatus.DoesNotApply, r.Status));
    }
}
