using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>One patient per evaluation: a second Patient, or a subject that references another patient, is an input error naming the element.</summary>
public sealed class OnePatientTests
{
    private const string PatientP = "{\"resourceType\":\"Patient\",\"id\":\"p\"}";

    [Fact]
    public void Two_Patient_resources_are_refused_naming_the_second()
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(PatientP, "{\"resourceType\":\"Patient\",\"id\":\"q\"}", Primary())));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource(Patient)", error.Field);
        Assert.False(e.NoPatientData);
    }

    [Fact]
    public void A_condition_about_another_patient_is_refused_naming_its_subject()
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(
            PatientP,
            Primary(),
            Secondary("liver", "94381002").Replace("Patient/p", "Patient/someone-else", System.StringComparison.Ordinal))));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[2].resource(Condition).subject", error.Field);
        Assert.DoesNotContain("someone-else", error.Message);
    }

    [Fact]
    public void Without_a_Patient_resource_the_subjects_must_agree()
    {
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(
            Primary(),
            Observation("ps", "89247-1", "\"valueInteger\":1").Replace("Patient/p", "Patient/q", System.StringComparison.Ordinal))));

        Assert.Equal("Bundle.entry[1].resource(Observation).subject", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void The_registry_example_that_stitches_several_patients_resources_is_refused_by_subject()
    {
        var json = System.IO.File.ReadAllText(Support.Repo.SharedFixture("inferno-cancer-registry-reporting-test-kit/ccrr_hdea_content_bundle_example_complete.json"));
        var e = Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(new[] { FhirJson.ParseResource(json) }));

        Assert.False(e.NoPatientData);
        Assert.All(e.Errors, error => Assert.Matches(@"^resources\[0\]\.entry\[[0-9]+\]\.resource\([A-Za-z]+\)\.(subject|patient)$", error.Field));
        Assert.Contains(e.Errors, error => error.Field == "resources[0].entry[5].resource(Condition).subject");
    }

    [Fact]
    public void Resources_that_reference_the_Patient_by_its_full_url_are_one_patient()
    {
        var bundle = FhirJson.ParseBundle(
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" +
            "{\"fullUrl\":\"urn:uuid:7f1c3b9e-0000-4000-8000-000000000001\",\"resource\":" + PatientP + "}," +
            "{\"resource\":" + Primary().Replace("Patient/p", "urn:uuid:7f1c3b9e-0000-4000-8000-000000000001", System.StringComparison.Ordinal) + "}," +
            "{\"resource\":" + Observation("ps", "89247-1", "\"valueInteger\":1") + "}]}");

        Assert.Equal(1, McodeMapper.Default.Map(bundle).Patient.Clinical.Ecog);
    }
}
