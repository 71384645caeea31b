using System;
using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Tests.Support;

namespace Sarcoma.Consensus.Tests.Model;

/// <summary>A non-nullable section set to null is a validation error naming the section, never a NullReferenceException.</summary>
public sealed class NullSectionTests
{
    public static TheoryData<string> Sections() => new()
    {
        "staging", "clinical", "treatment", "liverSurgery", "focalTherapyContraindications", "originUncertainty",
        "metastases.diffuse", "metastases.lesions", "metastases.lesions[0]", "metastases.lesions[0].segments",
        "treatment.liverResections", "treatment.liverResections[0]",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void A_section_set_to_null_in_an_object_initialiser_is_named_by_the_validator(string section)
    {
        var complete = Vignettes.MetachronousLiverOnlyOmd().Build();
        var patient = WithNull(complete with { Treatment = complete.Treatment with { PreviousLiverResection = null } }, section);

        var errors = PatientValidator.Validate(patient, Vignettes.AsOf);

        Assert.Contains(errors, e => e.Field == section && e.Message.Contains("null", StringComparison.Ordinal));
        var thrown = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf));
        Assert.Contains(thrown.Errors, e => e.Field == section);
    }

    [Theory]
    [InlineData("""{"Staging":null}""", "staging")]
    [InlineData("""{"Clinical":null,"OriginUncertainty":null}""", "clinical")]
    [InlineData("""{"Metastases":{"Lesions":null}}""", "metastases.lesions")]
    [InlineData("""{"Metastases":{"Diffuse":null}}""", "metastases.diffuse")]
    [InlineData("""{"Metastases":{"Lesions":[null]}}""", "metastases.lesions[0]")]
    [InlineData("""{"Treatment":{"LiverResections":[null]}}""", "treatment.liverResections[0]")]
    public void A_null_section_from_System_Text_Json_is_named_by_the_validator(string json, string section)
    {
        var patient = JsonSerializer.Deserialize<Patient>(json)!;

        var thrown = Assert.Throws<PatientValidationException>(() => ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf));

        Assert.Contains(thrown.Errors, e => e.Field == section);
    }

    [Fact]
    public void Every_null_section_is_reported_at_once()
    {
        var patient = new Patient
        {
            Staging = null!,
            Clinical = null!,
            Treatment = null!,
            LiverSurgery = null!,
            FocalTherapyContraindications = null!,
            OriginUncertainty = null!,
            Metastases = new MetastaticDisease { Lesions = null!, Diffuse = null! },
        };

        var fields = PatientValidator.Validate(patient).Select(e => e.Field).ToArray();

        Assert.Equal(
            new[] { "staging", "clinical", "treatment", "liverSurgery", "focalTherapyContraindications", "originUncertainty", "metastases.diffuse", "metastases.lesions" },
            fields);
    }

    private static Patient WithNull(Patient patient, string section)
    {
        var metastases = patient.Metastases!;
        var lesion = metastases.Lesions[0];
        var treatment = patient.Treatment;
        return section switch
        {
            "staging" => patient with { Staging = null! },
            "clinical" => patient with { Clinical = null! },
            "treatment" => patient with { Treatment = null! },
            "liverSurgery" => patient with { LiverSurgery = null! },
            "focalTherapyContraindications" => patient with { FocalTherapyContraindications = null! },
            "originUncertainty" => patient with { OriginUncertainty = null! },
            "metastases.diffuse" => patient with { Metastases = metastases with { Diffuse = null! } },
            "metastases.lesions" => patient with { Metastases = metastases with { Lesions = null! } },
            "metastases.lesions[0]" => patient with { Metastases = metastases with { Lesions = new Lesion[] { null! } } },
            "metastases.lesions[0].segments" => patient with { Metastases = metastases with { Lesions = new[] { lesion with { Segments = null! } } } },
            "treatment.liverResections" => patient with { Treatment = treatment with { LiverResections = null! } },
            "treatment.liverResections[0]" => patient with { Treatment = treatment with { LiverResections = new LiverResection[] { null! } } },
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
    }
}
