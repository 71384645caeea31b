using System;
using System.Linq;
using NodaTime;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Model;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>The mapper's rules on small vignettes: recognition by code, both ways of coding a site, never a negative from absence.</summary>
public sealed class McodeMapperTests
{
    [Fact]
    public void Absence_of_resources_leaves_every_fact_unknown_never_no()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary()));
        var patient = mapping.Patient;

        Assert.Null(patient.Metastases);
        Assert.Null(patient.Primary!.Resected);
        Assert.Null(patient.Treatment.PreviousLiverResection);
        Assert.Null(patient.Treatment.SystemicTherapyReceived);
        Assert.Null(patient.OriginUncertainty.OtherCancerHistory);
        Assert.Equal(UnknownReason.NoResource, mapping.Report.UnknownEntry(FactNames.Metastases)!.Reason);
        Assert.Equal(UnknownReason.NotExpressibleInMcode, mapping.Report.UnknownEntry(FactNames.FitForSurgery)!.Reason);
        Assert.Equal(UnknownReason.NotExpressibleInMcode, mapping.Report.UnknownEntry(FactNames.StagingContrastCt)!.Reason);
    }

    [Fact]
    public void Resources_without_a_profile_are_recognised_by_their_codes()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Secondary("liver", "94381002")));

        Assert.Contains("Condition/primary: PrimaryCancerCondition (by code)", mapping.Report.Recognised);
        Assert.Contains("Condition/liver: SecondaryCancerCondition (by code)", mapping.Report.Recognised);
        Assert.Equal(Histology.Leiomyosarcoma, mapping.Patient.Primary!.Histology);
        Assert.Equal(PrimarySite.Retroperitoneal, mapping.Patient.Primary.Site);
        Assert.Equal(new LocalDate(2022, 3, 14), mapping.Patient.Primary.DiagnosedOn);
    }

    [Fact]
    public void A_legacy_mCODE_profile_name_is_recognised()
    {
        var legacy = "{\"resourceType\":\"Condition\",\"id\":\"old\",\"meta\":{\"profile\":[\"http://hl7.org/fhir/us/mcode/StructureDefinition/onco-core-PrimaryCancerCondition\"]},\"code\":" + Coding(Sct, "424952003") + "," + Subject + "}";

        var mapping = McodeMapper.Default.Map(Bundle(legacy));

        Assert.Contains("Condition/old: PrimaryCancerCondition (by meta.profile)", mapping.Report.Recognised);
        Assert.Equal(Histology.SarcomaNos, mapping.Patient.Primary!.Histology);
    }

    [Theory]
    [InlineData("8930/3", true)]
    [InlineData("9133/3", true)]
    [InlineData("8890/6", true)]
    [InlineData("8046/3", false)]
    [InlineData("9180/3", false)]
    public void Histology_codes_decide_scope_without_input_errors(string icdO3, bool inScope)
    {
        var patient = McodeMapper.Default.Map(Bundle(Primary(icdO3))).Patient;

        Assert.Equal(inScope, ConsensusEngine.Default.Evaluate(patient, new LocalDate(2026, 11, 26)).Scope.InScope);
    }

    [Fact]
    public void An_integrator_histology_map_classifies_a_local_snomed_code()
    {
        var primary = "{\"resourceType\":\"Condition\",\"id\":\"p1\",\"extension\":[{\"url\":\"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior\",\"valueCodeableConcept\":" + Coding(Sct, "123456000") + "}]," + Subject + "}";
        var mapper = new McodeMapper(new McodeMapperOptions { HistologyMap = HistologyMap.Default.WithSnomedCt("123456000", Histology.SynovialSarcoma) });

        Assert.Equal(HistologyScope.Unclassified, McodeMapper.Default.Map(Bundle(primary)).Patient.Primary!.Histology!.Scope);
        Assert.Equal(Histology.SynovialSarcoma, mapper.Map(Bundle(primary)).Patient.Primary!.Histology);
    }

    [Fact]
    public void Both_ways_of_coding_a_metastasis_site_give_lesions_with_sizes_in_millimetres_and_stated_segments()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("liver", "94381002"),
            Secondary("lung", "128462008", bodySite: "39607008"),
            Tumor("t1", "liver", text: "Liver, Couinaud segments VI and VII"),
            TumorSize("s1", "t1", 3.2m, "cm"),
            Tumor("t2", "lung", site: "39607008"),
            TumorSize("s2", "t2", 9m, "mm")));
        var lesions = mapping.PendingLesions;

        Assert.Equal(new[] { MetastaticSite.Liver, MetastaticSite.Lung }, lesions.Select(l => l.Site));
        Assert.Equal(new decimal?[] { 32m, 9m }, lesions.Select(l => l.SizeMm));
        Assert.Equal(new[] { 6, 7 }, lesions[0].Segments);
        Assert.Equal(new LocalDate(2025, 9, 2), mapping.Patient.Metastases!.DetectedOn);
        Assert.Empty(mapping.Patient.Metastases.Lesions);
        Assert.Equal(UnknownReason.NotExpressibleInMcode, mapping.Report.UnknownEntry(FactNames.Lesions)!.Reason);
        Assert.Equal("BodyStructure.location.text / description", mapping.Report.SourcesOf("metastases.lesions[0].segments").Single().Element);
    }

    [Fact]
    public void A_metastatic_site_without_tumor_bodystructures_leaves_the_lesion_list_unknown()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("liver", "94381002"),
            Secondary("lung", "128462008", bodySite: "39607008"),
            Tumor("t1", "liver")));

        Assert.Empty(mapping.PendingLesions);
        Assert.Equal(UnknownReason.Ambiguous, mapping.Report.UnknownEntry(FactNames.Lesions)!.Reason);
    }

    [Fact]
    public void Serosal_sites_are_diffuse_involvement_true_when_asserted_false_only_when_refuted()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("peritoneum", "128462008", bodySite: "15425007"),
            Secondary("no-pleura", "128462008", bodySite: "3120008", verification: "refuted", clinical: null)));
        var diffuse = mapping.Patient.Metastases!.Diffuse;

        Assert.True(diffuse.Peritoneal);
        Assert.False(diffuse.Pleural);
        Assert.Null(diffuse.Pericardial);
        Assert.Null(diffuse.Leptomeningeal);
        Assert.Equal("Condition.verificationStatus", mapping.Report.SourcesOf(FactNames.DiffusePleural).Single().Element);
    }

    [Fact]
    public void Entered_in_error_conditions_are_ignored()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Secondary("x", "94381002", verification: "entered-in-error", clinical: null)));

        Assert.Null(mapping.Patient.Metastases);
    }

    [Theory]
    [InlineData("\"valueInteger\":2", "89247-1", 2)]
    [InlineData("\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"LA9624-3\"}]}", "89247-1", 2)]
    [InlineData("\"valueInteger\":80", "89243-0", 1)]
    [InlineData("\"valueInteger\":100", "89243-0", 0)]
    [InlineData("\"valueInteger\":70", "89243-0", null)]
    public void Performance_status_is_read_from_ECOG_or_converted_from_Karnofsky(string value, string loinc, int? ecog)
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Observation("ps", loinc, value)));

        Assert.Equal(ecog, mapping.Patient.Clinical.Ecog);
    }

    [Fact]
    public void Surgery_gives_the_primary_resection_and_hepatectomies_but_never_the_end_of_treatment()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Procedure("resection", Sct, "65801008", "2022-04-20", reason: "primary"),
            Procedure("hepatectomy", "http://www.ama-assn.org/go/cpt", "47120", "2024-03-05")));
        var patient = mapping.Patient;

        Assert.True(patient.Primary!.Resected);
        Assert.Equal(new LocalDate(2022, 4, 20), patient.Primary.ResectedOn);
        Assert.Equal(new LocalDate(2024, 3, 5), Assert.Single(patient.Treatment.LiverResections).PerformedOn);
        Assert.True(patient.Treatment.PreviousLiverResection);
        Assert.Null(patient.Treatment.LastTreatmentEndedOn);
        Assert.Equal(UnknownReason.Ambiguous, mapping.Report.UnknownEntry(FactNames.LastTreatmentEndedOn)!.Reason);
        Assert.Equal(UnknownReason.NotExpressibleInMcode, mapping.Report.UnknownEntry("treatment.liverResections[0].margin")!.Reason);
    }

    [Fact]
    public void Therapy_for_the_metastases_is_received_and_ongoing_while_its_order_is_active()
    {
        var active = McodeMapper.Default.Map(Bundle(Primary(), Secondary("liver", "94381002"), MedicationRequest("dox", "active", "2025-09-20", "liver"))).Patient;
        var stopped = McodeMapper.Default.Map(Bundle(Primary(), Secondary("liver", "94381002"), MedicationRequest("dox", "stopped", "2025-09-20", "liver"))).Patient;
        var adjuvant = McodeMapper.Default.Map(Bundle(Primary(), Secondary("liver", "94381002"), MedicationRequest("dox", "completed", "2022-05-20", "primary"))).Patient;

        Assert.True(active.Treatment.SystemicTherapyReceived);
        Assert.True(active.Treatment.OnSystemicTherapy);
        Assert.True(stopped.Treatment.SystemicTherapyReceived);
        Assert.Null(stopped.Treatment.OnSystemicTherapy);
        Assert.Null(adjuvant.Treatment.SystemicTherapyReceived);
    }

    [Fact]
    public void Disease_status_not_detected_after_the_metastases_were_treated_is_no_evidence_of_disease()
    {
        var mapping = McodeMapper.Default.Map(Bundle(
            Primary(),
            Secondary("liver", "94381002", clinical: "resolved"),
            Observation("status", "97509-4", "\"valueCodeableConcept\":" + Coding(Sct, "260415000"), "2026-09-01")));

        Assert.True(mapping.Patient.Metastases!.NoEvidenceOfDisease);
        Assert.Equal(new LocalDate(2025, 9, 2), mapping.Patient.Metastases!.DetectedOn);
        Assert.Empty(mapping.Patient.Metastases.Lesions);
        Assert.Empty(mapping.PendingLesions);
        Assert.Null(mapping.Report.UnknownEntry(FactNames.Lesions));
    }

    [Fact]
    public void A_placeholder_date_is_an_input_error_with_the_element_named()
    {
        var e = Assert.Throws<Sarcoma.Consensus.Fhir.Input.FhirInputException>(() => McodeMapper.Default.Map(Bundle(Primary(onset: "DD-MM-YYYY"))));

        Assert.Equal("Bundle.entry[0].resource(Condition).onsetDateTime", Assert.Single(e.Errors).Field);
        Assert.DoesNotContain("DD-MM-YYYY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_primary_cancer_is_a_history_of_another_cancer()
    {
        var patient = McodeMapper.Default.Map(Bundle(Primary(), Primary("8500/3", id: "breast", bodySite: "76752008"))).Patient;

        Assert.Equal(Histology.Leiomyosarcoma, patient.Primary!.Histology);
        Assert.True(patient.OriginUncertainty.OtherCancerHistory);
    }
}
