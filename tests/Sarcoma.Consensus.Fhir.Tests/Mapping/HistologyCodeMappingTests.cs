using System;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// The histology of a PrimaryCancerCondition as records carry it (the faults of the breaking check of issue #9): ICD-O-3
/// by its OID, SNOMED CT concepts still in use, a malformed ICD-O-3 code beside a reassuring text, and a GIST code beside
/// a sarcoma morphology. Scope is classified or left unknown with its reason, never guessed.
/// </summary>
public sealed class HistologyCodeMappingTests
{
    private const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    private const string IcdO3Oid = "urn:oid:2.16.840.1.113883.6.43.1";
    private const string HistologyUrl = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";

    // A PrimaryCancerCondition whose HistologyMorphologyBehavior concept has the given codings and text.
    private static string PrimaryWith(string codings, string? text = null, string code = "363346000") =>
        $"{{\"resourceType\":\"Condition\",\"id\":\"primary\",\"extension\":[{{\"url\":\"{HistologyUrl}\",\"valueCodeableConcept\":{{\"coding\":[{codings}]" +
        (text is null ? string.Empty : $",\"text\":\"{text}\"") + "}}]," +
        $"\"code\":{Coding(Sct, code)},\"bodySite\":[{Coding(Sct, "82849001")}],{Subject},\"onsetDateTime\":\"2022-03-14\"}}";

    private static string CodingOf(string system, string code) => $"{{\"system\":\"{system}\",\"code\":\"{code}\"}}";

    private static McodeMapping Map(params string[] resources) => McodeMapper.Default.Map(Bundle(resources));

    [Theory]
    [InlineData("8936/3", HistologyScope.GastrointestinalStromalTumor)]
    [InlineData("8890/3", HistologyScope.SoftTissueSarcoma)]
    [InlineData("8046/3", HistologyScope.NotSoftTissueSarcoma)]
    public void Icd_o_3_by_its_oid_is_classified_and_not_overridden_by_the_text(string code, HistologyScope scope)
    {
        var mapping = Map(PrimaryWith(CodingOf(IcdO3Oid, code), text: "Leiomyosarcoma"));

        Assert.Equal(scope, mapping.Patient.Primary!.Histology!.Scope);
        Assert.Contains("ICD-O-3 " + code, Assert.Single(mapping.Report.SourcesOf(FactNames.PrimaryHistology)).Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("420120006", HistologyScope.GastrointestinalStromalTumor)]
    [InlineData("68453008", HistologyScope.NotSoftTissueSarcoma)]
    public void Snomed_ct_codes_still_in_records_are_classified_out_of_scope(string conceptId, HistologyScope scope)
    {
        var mapping = Map(PrimaryWith(CodingOf(Sct, conceptId), text: "Leiomyosarcoma"));

        Assert.Equal(scope, mapping.Patient.Primary!.Histology!.Scope);
    }

    [Fact]
    public void A_gist_disorder_code_in_condition_code_without_the_extension_is_out_of_scope()
    {
        var primary = Primary().Replace("\"code\":" + Coding(Sct, "363346000"), "\"code\":" + Coding(Sct, "420120006"), StringComparison.Ordinal)
            .Replace("\"url\":\"" + HistologyUrl + "\"", "\"url\":\"http://example.org/not-histology\"", StringComparison.Ordinal)
            .Replace("\"id\":\"primary\",", "\"id\":\"primary\",\"meta\":{\"profile\":[\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition\"]},", StringComparison.Ordinal);

        var mapping = Map(primary);

        Assert.Equal(HistologyScope.GastrointestinalStromalTumor, mapping.Patient.Primary!.Histology!.Scope);
        Assert.Equal("Condition.code", Assert.Single(mapping.Report.SourcesOf(FactNames.PrimaryHistology)).Element);
    }

    [Theory]
    [InlineData("ABCD/9")]
    [InlineData("8892")]
    [InlineData("C49.9")]
    [InlineData("8890/5")]
    [InlineData("0800/3")]
    public void A_code_in_the_icd_o_3_system_that_is_not_a_morphology_code_is_an_input_error_not_rescued_by_the_text(string code)
    {
        foreach (var system in new[] { IcdO3, IcdO3Oid })
        {
            var e = Assert.Throws<FhirInputException>(() => Map(PrimaryWith(CodingOf(Sct, "1163022006") + "," + CodingOf(system, code), text: "Leiomyosarcoma")));

            var error = Assert.Single(e.Errors);
            Assert.Equal("Bundle.entry[0].resource(Condition).extension[0].valueCodeableConcept.coding[1].code", error.Field);
            Assert.Contains("not an ICD-O-3 morphology code", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(code, e.Message, StringComparison.Ordinal);
            Assert.False(e.NoPatientData);
        }
    }

    [Fact]
    public void A_gist_condition_code_beside_a_sarcoma_morphology_leaves_the_histology_unknown_naming_both_elements()
    {
        var mapping = Map(PrimaryWith(CodingOf(IcdO3, "8890/3"), code: "420120006"));

        Assert.Null(mapping.Patient.Primary!.Histology);
        var unknown = mapping.Report.UnknownEntry(FactNames.PrimaryHistology)!;
        Assert.Equal(UnknownReason.Ambiguous, unknown.Reason);
        Assert.Contains("histologyMorphologyBehavior", unknown.Explanation, StringComparison.Ordinal);
        Assert.Contains("Condition.code", unknown.Explanation, StringComparison.Ordinal);
        Assert.Contains("not guessed", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gist_morphology_beside_a_sarcoma_morphology_in_the_extension_leaves_the_histology_unknown()
    {
        var mapping = Map(PrimaryWith(CodingOf(IcdO3, "8890/3") + "," + CodingOf(IcdO3, "8936/3"), text: "Leiomyosarcoma"));

        Assert.Null(mapping.Patient.Primary!.Histology);
        Assert.Equal(UnknownReason.Ambiguous, mapping.Report.UnknownEntry(FactNames.PrimaryHistology)!.Reason);
    }

    [Fact]
    public void Condition_code_and_extension_of_the_same_scope_class_agree()
    {
        // Sarcoma of soft tissue (424952003 → 8800/3) beside leiomyosarcoma: both in scope; the extension's subtype is read.
        var mapping = Map(PrimaryWith(CodingOf(IcdO3, "8890/3"), code: "424952003"));

        Assert.Equal(Histology.Leiomyosarcoma, mapping.Patient.Primary!.Histology);
    }

    [Fact]
    public void An_extension_code_the_table_does_not_hold_stays_unclassified_whatever_condition_code_says()
    {
        // The extension's code may name any morphology: a sarcoma Condition.code does not confirm the scope.
        var mapping = Map(PrimaryWith(CodingOf(Sct, "21708004"), code: "424952003"));

        Assert.Equal(HistologyScope.Unclassified, mapping.Patient.Primary!.Histology!.Scope);
    }
}
