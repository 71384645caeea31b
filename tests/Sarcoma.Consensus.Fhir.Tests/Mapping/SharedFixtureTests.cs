using System;
using System.IO;
using System.Linq;
using Hl7.Fhir.Model;
using NodaTime;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Tests.Support;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// The public mCODE examples in <c>../shared/fixtures/fhir</c> (HL7, MITRE/CodeX, Inferno; see its SOURCES.md): none is a
/// sarcoma, so they test parsing, recognition, site coding, legacy and derived profiles and the out-of-scope answer.
/// </summary>
public sealed class SharedFixtureTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    private static McodeMapping MapFile(string relative) =>
        McodeMapper.Default.Map(new[] { FhirJson.ParseResource(File.ReadAllText(Repo.SharedFixture(relative))) });

    [Fact]
    public void Every_json_fixture_is_read_and_mapped_or_rejected_by_path()
    {
        var files = Directory.GetFiles(Repo.SharedFhirFixtures, "*.json", SearchOption.AllDirectories);
        Assert.True(files.Length > 90, "the shared fixtures were not found at " + Repo.SharedFhirFixtures);
        var rejected = files.Select(file =>
        {
            try
            {
                var mapping = McodeMapper.Default.Map(new[] { FhirJson.ParseResource(File.ReadAllText(file)) });
                ConsensusEngine.Default.Evaluate(mapping.Patient, AsOf);
                return null;
            }
            catch (FhirInputException e)
            {
                Assert.All(e.Errors, error => Assert.False(string.IsNullOrEmpty(error.Field)));
                return Path.GetFileName(file) + " " + (e.NoPatientData ? "no patient data" : string.Join(", ", e.Errors.Select(error => error.Message.StartsWith("references another patient", StringComparison.Ordinal) ? "(subjects of other patients)" : error.Field).Distinct()));
            }
        }).Where(r => r is not null).OrderBy(r => r, StringComparer.Ordinal).ToArray();

        // The IG's package manifest is not a FHIR resource; resources about no patient (a Practitioner, an Organization,
        // a Group of patients) are no patient data; the extraction framework's templates hold placeholder status codes
        // ("example-status") in elements the mapper reads; the registry example stitches several patients' resources; the
        // trial-matching "invalid ECOG/Karnofsky" fixture holds -1 scores about another patient. Everything else reads.
        Assert.Equal(
            new[]
            {
                "Group-group-mcode-patients.json no patient data",
                "Organization-us-core-organization-bedrock-medicine.json no patient data",
                "Organization-us-core-organization-physician-services-inc.json no patient data",
                "Practitioner-us-core-practitioner-jane-radiotech.json no patient data",
                "Practitioner-us-core-practitioner-kyle-anydoc.json no patient data",
                "Practitioner-us-core-practitioner-mary-obgyn.json no patient data",
                "Practitioner-us-core-practitioner-nancy-oncology-nurse.json no patient data",
                "Practitioner-us-core-practitioner-owen-oncologist.json no patient data",
                "Practitioner-us-core-practitioner-peter-pathologist.json no patient data",
                "_package.json resourceType",
                "ccrr_hdea_content_bundle_example_complete.json (subjects of other patients)",
                "csv-condition-bundle.json resources[0].entry[0].resource(Condition).clinicalStatus, resources[0].entry[0].resource(Condition).verificationStatus",
                "csv-medication-administration-bundle.json resources[0].entry[0].resource(MedicationAdministration).status",
                "csv-medication-request-bundle.json resources[0].entry[0].resource(MedicationRequest).status, resources[0].entry[0].resource(MedicationRequest).intent",
                "patient_data_missing_birthdate_invalid_ecog_karnofsky.json (subjects of other patients), resources[0].entry[2].resource(Observation).valueInteger, resources[0].entry[3].resource(Observation).valueInteger",
            },
            rejected);
    }

    [Theory]
    [InlineData("hl7-mcode-ig-prestu3-2022-12-16-json/Bundle-mcode-patient-bundle-jenny-m.json")]
    [InlineData("mcode-testing-ig/mcode-patient-bundle-jenny-m_transactionBundle_preSTU3-2022-12-16.json")]
    public void Jenny_M_breast_adenocarcinoma_is_an_out_of_scope_answer(string file)
    {
        var mapping = MapFile(file);
        var report = ConsensusEngine.Default.Evaluate(mapping.Patient, AsOf);

        Assert.Equal(HistologyScope.NotSoftTissueSarcoma, mapping.Patient.Primary!.Histology!.Scope);
        Assert.False(report.Scope.InScope);
        Assert.StartsWith("Not a soft-tissue sarcoma", report.Scope.OutOfScopeReason, StringComparison.Ordinal);
        Assert.Empty(report.Results);
        Assert.Equal(0, mapping.Patient.Clinical.Ecog);
        Assert.Contains(mapping.Report.SourcesOf(FactNames.PrimaryHistology), s => s.Element.StartsWith("Condition.extension:histologyMorphologyBehavior", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hl7-mcode-ig-prestu3-2022-12-16-json/Condition-primary-cancer-condition-nsclc.json", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("hl7-mcode-ig-prestu3-2022-12-16-json/Condition-primary-cancer-condition-breast.json", HistologyScope.NotMalignant)]
    [InlineData("hl7-mcode-ig-prestu3-2022-12-16-json/Condition-primary-cancer-condition-cll.json", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("clinical-trial-matching-app/TrialMatching_Patient02.json", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("clinical-trial-matching-service/eom_patient_1.json", HistologyScope.NotSoftTissueSarcoma)]
    [InlineData("inferno-eom-test-kit/patient_bundle.json", HistologyScope.NotSoftTissueSarcoma)]
    public void Non_sarcoma_primaries_are_classified_and_out_of_scope(string file, HistologyScope scope)
    {
        var mapping = MapFile(file);

        Assert.Equal(scope, mapping.Patient.Primary!.Histology!.Scope);
        Assert.False(ConsensusEngine.Default.Evaluate(mapping.Patient, AsOf).Scope.InScope);
    }

    [Fact]
    public void Profiles_derived_from_mCODE_are_recognised_by_their_name()
    {
        var mapping = MapFile("inferno-eom-test-kit/patient_bundle.json");

        Assert.Contains("Condition/primary-cancer-condition-breast: PrimaryCancerCondition (by meta.profile)", mapping.Report.Recognised);
    }

    [Fact]
    public void Primary_body_site_is_read_through_the_site_value_set()
    {
        var lung = MapFile("hl7-mcode-ig-prestu3-2022-12-16-json/Condition-primary-cancer-condition-nsclc.json");

        Assert.Equal(PrimarySite.Other, lung.Patient.Primary!.Site);
        Assert.Equal(new DateOnlyText("2019-04-01").Date, lung.Patient.Primary.DiagnosedOn);
    }

    [Fact]
    public void The_official_secondary_cancer_condition_gives_its_site_from_condition_code_and_its_date()
    {
        var mapping = MapFile("hl7-mcode-ig-prestu3-2022-12-16-json/Condition-secondary-cancer-condition-brain-mets.json");

        Assert.Equal(new LocalDate(2019, 5, 1), mapping.Patient.Metastases!.DetectedOn);
        Assert.Equal(UnknownReason.Ambiguous, mapping.Report.UnknownEntry(FactNames.Lesions)!.Reason);
        Assert.Empty(mapping.PendingLesions);
    }

    [Fact]
    public void Registry_bundle_with_ordinary_ehr_noise_yields_its_brain_metastasis()
    {
        // The example stitches resources of several patients (one evaluation reads one patient: OnePatientTests); its
        // references are pointed at its Patient to read it as one record.
        var json = System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(Repo.SharedFixture("inferno-cancer-registry-reporting-test-kit/ccrr_hdea_content_bundle_example_complete.json")),
            "\"reference\"\\s*:\\s*\"Patient/[^\"]*\"",
            "\"reference\": \"Patient/example-complete-Patient\"");
        var mapping = McodeMapper.Default.Map(new[] { FhirJson.ParseResource(json) });
        Assert.Equal(HistologyScope.NotMalignant, mapping.Patient.Primary!.Histology!.Scope);

        Assert.Contains(mapping.Report.Recognised, r => r.EndsWith("SecondaryCancerCondition (by meta.profile)", StringComparison.Ordinal));
        Assert.Equal(new LocalDate(2019, 5, 1), mapping.Patient.Metastases!.DetectedOn);
    }

    [Fact]
    public void ECOG_is_read_from_the_official_example_and_Karnofsky_90_is_left_ambiguous()
    {
        Assert.Equal(0, MapFile("hl7-mcode-ig-prestu3-2022-12-16-json/Observation-ecog-performance-status-jenny-m.json").Patient.Clinical.Ecog);

        var karnofsky = MapFile("hl7-mcode-ig-prestu3-2022-12-16-json/Observation-karnofsky-performance-status-normal-activity.json");
        Assert.Null(karnofsky.Patient.Clinical.Ecog);
        Assert.Equal(UnknownReason.Ambiguous, karnofsky.Report.UnknownEntry(FactNames.Ecog)!.Reason);
    }

    [Fact]
    public void Placeholder_values_of_the_extraction_framework_are_input_errors_or_stay_unknown()
    {
        foreach (var file in Directory.GetFiles(Repo.SharedFixture("mcode-extraction-framework"), "*.json"))
        {
            var json = File.ReadAllText(file);
            try
            {
                var mapping = McodeMapper.Default.Map(new[] { FhirJson.ParseResource(json) });
                Assert.Null(mapping.Patient.Primary?.DiagnosedOn);
                Assert.Null(mapping.Patient.Treatment.SystemicTherapyReceived);
            }
            catch (FhirInputException e)
            {
                // A placeholder in an element the mapper reads: named, never repeated.
                Assert.False(e.NoPatientData);
                Assert.DoesNotContain("example-", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_tumor_related_to_the_primary_is_not_a_metastatic_lesion()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var file in new[] { "Condition-primary-cancer-condition-breast.json", "BodyStructure-tumor-lobular-carcinoma-left-breast.json", "Observation-tumor-size-pathology.json" })
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = FhirJson.ParseResource(File.ReadAllText(Repo.SharedFixture("hl7-mcode-ig-prestu3-2022-12-16-json/" + file))) });
        }

        var mapping = McodeMapper.Default.Map(bundle);

        Assert.Null(mapping.Patient.Metastases);
        Assert.Contains(mapping.Report.Notes, n => n.Contains("is the primary tumour", StringComparison.Ordinal));
    }

    private static string Why(string file)
    {
        try
        {
            McodeMapper.Default.Map(new[] { FhirJson.ParseResource(File.ReadAllText(file)) });
            return "ok";
        }
        catch (FhirInputException e)
        {
            return (e.NoPatientData ? "NPD:" : "ERR:") + string.Join("|", e.Errors.Select(x => x.Field));
        }
    }

    private readonly record struct DateOnlyText(string Text)
    {
        public LocalDate Date => NodaTime.Text.LocalDatePattern.Iso.Parse(Text).Value;
    }
}
