using System;
using System.Linq;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Fhir.Mapping;
using static Sarcoma.Consensus.Fhir.Tests.Support.Fhir;

namespace Sarcoma.Consensus.Fhir.Tests.Mapping;

/// <summary>
/// docs/fhir.md, "One patient per evaluation": the subject (or patient) of every resource the mapper reads must be a
/// literal reference to this record's Patient — Patient/&lt;id&gt; or the Patient entry's fullUrl; anything else is an
/// input error naming the element, never the reference.
/// </summary>
public sealed class SubjectReferenceTests
{
    private const string PatientP = "{\"resourceType\":\"Patient\",\"id\":\"p\"}";

    private static FhirInputException Refused(params string[] resources) =>
        Assert.Throws<FhirInputException>(() => McodeMapper.Default.Map(Bundle(resources)));

    private static string WithSubject(string resource, string subject) =>
        resource.Replace(Subject, "\"subject\":" + subject, StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"reference\":\"Group/g1\"}")]
    [InlineData("{\"identifier\":{\"system\":\"urn:oid:1.2.3\",\"value\":\"MRN-4711\"}}")]
    [InlineData("{\"reference\":\"http://zqhost/fhir/Patient/p\"}")]
    [InlineData("{\"reference\":\"Patient/zq7/_history/1\"}")]
    [InlineData("{\"display\":\"Jane Roe\"}")]
    public void A_condition_whose_subject_is_not_the_records_Patient_is_refused_naming_the_element(string subject)
    {
        var e = Refused(PatientP, Primary(), WithSubject(Secondary("liver", "94381002"), subject));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[2].resource(Condition).subject", error.Field);
        Assert.False(e.NoPatientData);
        foreach (var value in new[] { "g1", "MRN-4711", "zqhost", "zq7", "Jane" })
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"reference\":\"Group/g1\"}")]
    [InlineData("{\"identifier\":{\"system\":\"urn:oid:1.2.3\",\"value\":\"MRN-4711\"}}")]
    [InlineData("{\"reference\":\"http://other/fhir/Patient/1\"}")]
    public void An_observation_or_procedure_whose_subject_is_not_the_records_Patient_is_refused(string subject)
    {
        var e = Refused(
            PatientP,
            Primary(),
            WithSubject(Observation("ecog", "89247-1", "\"valueInteger\":1"), subject),
            WithSubject(Procedure("resection", Sct, "65801008", "2022-04-01", reason: "primary"), subject));

        Assert.Equal(
            new[] { "Bundle.entry[2].resource(Observation).subject", "Bundle.entry[3].resource(Procedure).subject" },
            e.Errors.Select(x => x.Field).ToArray());
    }

    [Fact]
    public void An_absolute_reference_equal_to_the_Patient_entrys_fullUrl_is_this_patient()
    {
        const string FullUrl = "https://example.org/fhir/Patient/p";
        var bundle = FhirJson.ParseBundle(
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" +
            $"{{\"fullUrl\":\"{FullUrl}\",\"resource\":{PatientP}}}," +
            $"{{\"resource\":{WithSubject(Primary(), "{\"reference\":\"" + FullUrl + "\"}")}}}," +
            $"{{\"resource\":{Observation("ecog", "89247-1", "\"valueInteger\":1")}}}]}}");

        var mapping = McodeMapper.Default.Map(bundle);

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
        Assert.NotNull(mapping.Patient.Primary?.Histology);
    }

    [Fact]
    public void A_versioned_reference_to_the_Patient_is_this_patient()
    {
        var mapping = McodeMapper.Default.Map(Bundle(PatientP, Primary(), WithSubject(Observation("ecog", "89247-1", "\"valueInteger\":2"), "{\"reference\":\"Patient/p/_history/3\"}")));

        Assert.Equal(2, mapping.Patient.Clinical.Ecog);
    }

    [Theory]
    [InlineData("{\"reference\":\"Group/g1\"}")]
    [InlineData("{\"reference\":\"http://other/fhir/Patient/p\"}")]
    [InlineData("{\"reference\":\"urn:uuid:7f1c3b9e-0000-4000-8000-000000000001\"}")]
    [InlineData("{\"reference\":\"urn:uuid:7f1c3b9e-0000-4000-8000-000000000001\",\"type\":\"Group\"}")]
    [InlineData("{\"identifier\":{\"system\":\"urn:oid:1.2.3\",\"value\":\"MRN-4711\"}}")]
    public void Without_a_Patient_resource_a_subject_must_be_a_relative_Patient_reference(string subject)
    {
        var e = Refused(Primary(), WithSubject(Observation("ecog", "89247-1", "\"valueInteger\":1"), subject));

        var error = Assert.Single(e.Errors);
        Assert.Equal("Bundle.entry[1].resource(Observation).subject", error.Field);
        Assert.Contains("Patient/<id>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_Patient_resource_relative_references_to_one_patient_are_read()
    {
        var mapping = McodeMapper.Default.Map(Bundle(Primary(), Observation("ecog", "89247-1", "\"valueInteger\":1")));

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
    }

    [Fact]
    public void A_resource_the_mapper_does_not_read_is_not_refused_for_a_Group_subject()
    {
        const string Encounter = "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Group/g1\"}}";

        var mapping = McodeMapper.Default.Map(Bundle(PatientP, Primary(), Encounter));

        Assert.NotNull(mapping.Patient.Primary?.Histology);
    }

    [Fact]
    public void A_resource_the_mapper_does_not_read_is_refused_when_it_names_another_patient()
    {
        const string Encounter = "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/q\"}}";

        var e = Refused(PatientP, Primary(), Encounter);

        Assert.Equal("Bundle.entry[2].resource(Encounter).subject", Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void Without_a_Patient_resource_urn_uuid_references_typed_Patient_to_one_patient_are_read_as_the_extraction_framework_writes_them()
    {
        const string Urn = "{\"reference\":\"urn:uuid:7f1c3b9e-0000-4000-8000-000000000001\",\"type\":\"Patient\"}";
        const string OtherUrn = "{\"reference\":\"urn:uuid:7f1c3b9e-0000-4000-8000-000000000002\",\"type\":\"Patient\"}";

        var mapping = McodeMapper.Default.Map(Bundle(WithSubject(Primary(), Urn), WithSubject(Observation("ecog", "89247-1", "\"valueInteger\":1"), Urn)));
        var e = Refused(WithSubject(Primary(), Urn), WithSubject(Observation("ecog", "89247-1", "\"valueInteger\":1"), OtherUrn));

        Assert.Equal(1, mapping.Patient.Clinical.Ecog);
        Assert.Equal("Bundle.entry[1].resource(Observation).subject", Assert.Single(e.Errors).Field);
    }
}
