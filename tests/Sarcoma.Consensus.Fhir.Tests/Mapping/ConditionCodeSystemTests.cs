using System;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// Codes as the fresh breaker of issue #9 wrote them: GIST as ICD-10-CM C49.A- in <c>Condition.code</c> (was not read), and
/// a GIST code under the LOINC system in the histology extension beside the text "Leiomyosarcoma" (was read in scope from
/// the text). Out of scope is said, not guessed; a code under a system that holds no histology is never rescued by text.
/// </summary>
public sealed class ConditionCodeSystemTests
{
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string HistologyUrl = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    private static string PrimaryCoded(string system, string code) =>
        $"{{\"resourceType\":\"Condition\",\"id\":\"primary\",\"code\":{Coding(system, code)},\"bodySite\":[{Coding(Sct, "69695003")}],{Subject},\"onsetDateTime\":\"2022-03-14\"," +
        $"\"clinicalStatus\":{Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active")}}}";

    private static string PrimaryWithHistology(string system, string code, string text) =>
        $"{{\"resourceType\":\"Condition\",\"id\":\"primary\",\"extension\":[{{\"url\":\"{HistologyUrl}\",\"valueCodeableConcept\":{{\"coding\":[{{\"system\":\"{system}\",\"code\":\"{code}\"}}],\"text\":\"{text}\"}}}}]," +
        $"\"code\":{Coding(Sct, "363346000")},\"bodySite\":[{Coding(Sct, "82849001")}],{Subject},\"onsetDateTime\":\"2022-03-14\"}}";

    [Theory]
    [InlineData("C49.A0")]
    [InlineData("C49.A")]
    [InlineData("C49.A1")]
    [InlineData("C49.A2")]
    [InlineData("C49.A3")]
    [InlineData("C49.A4")]
    [InlineData("C49.A5")]
    [InlineData("C49.A9")]
    public void Gist_as_icd_10_cm_c49_a_in_condition_code_is_out_of_scope(string code)
    {
        var mapping = McodeMapper.Default.Map(Bundle(PrimaryCoded(Icd10Cm, code)));

        Assert.Equal(HistologyScope.GastrointestinalStromalTumor, mapping.Patient.Primary!.Histology!.Scope);
        var source = Assert.Single(mapping.Report.SourcesOf(FactNames.PrimaryHistology));
        Assert.Equal("Condition.code", source.Element);
        Assert.Contains("ICD-10-CM " + code, source.Note, StringComparison.Ordinal);
        Assert.False(ConsensusEngine.Default.Evaluate(mapping.Patient, new NodaTime.LocalDate(2026, 11, 30)).Scope.InScope);
    }

    [Theory]
    [InlineData("http://hl7.org/fhir/sid/icd-10", "C49.A0")] // the WHO ICD-10 has no C49.A
    [InlineData(Icd10Cm, "C49.9")]                           // connective and soft tissue, unspecified: not a morphology
    public void Codes_that_do_not_name_gist_leave_the_histology_unknown(string system, string code)
    {
        var mapping = McodeMapper.Default.Map(Bundle(PrimaryCoded(system, code)));

        Assert.Null(mapping.Patient.Primary!.Histology);
        Assert.Equal(UnknownReason.NoResource, mapping.Report.UnknownEntry(FactNames.PrimaryHistology)!.Reason);
    }

    [Theory]
    [InlineData("http://loinc.org")]
    [InlineData("http://unitsofmeasure.org")]
    [InlineData("http://www.ama-assn.org/go/cpt")]
    [InlineData("http://terminology.hl7.org/CodeSystem/condition-clinical")]
    public void A_histology_coded_under_a_system_that_holds_no_histology_is_an_input_error_not_rescued_by_its_text(string system)
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(PrimaryWithHistology(system, "8936/3", "Leiomyosarcoma"))));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[0].resource(Condition).extension[0].valueCodeableConcept.coding[0].system", error.Field);
        Assert.Contains("text beside it is not used", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("8936", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Leiomyosarcoma", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_code_system_may_still_be_named_by_its_text()
    {
        // A hospital's own code system can hold a diagnosis: its code is unclassified, and the text names the histology (as before).
        var mapping = McodeMapper.Default.Map(Bundle(PrimaryWithHistology("http://hospital.example.org/histology", "LMS-01", "Leiomyosarcoma")));

        Assert.Equal(Histology.Leiomyosarcoma, mapping.Patient.Primary!.Histology);
    }
}
