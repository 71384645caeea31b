using System;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// The System.Text.Json integration without a host (issue #13): the converters read through the strict reader and write
/// the documented shapes, and both validation exceptions name a field in the same path style. The same converters bound
/// by a minimal API are tested in <c>Sarcoma.Consensus.AspNetCore.Tests</c> (<c>ConverterEndpointTests</c>).
/// </summary>
public sealed class SerializerOptionsTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    [Fact]
    public void The_converter_reads_through_the_strict_reader_and_writes_the_documented_shapes()
    {
        var options = new JsonSerializerOptions().AddSarcomaConsensus(ReportLayout.Compact);
        var json = RepositoryFiles.Sample("synchronous-omd-induction.json");

        var patient = JsonSerializer.Deserialize<Patient>(json, options)!;
        var document = JsonSerializer.Deserialize<PatientDocument>(json, options)!;

        Assert.Equal(PatientJson.Serialize(PatientJson.Parse(json)), PatientJson.Serialize(patient));
        Assert.Equal(PatientJson.ParseDocument(json).Label, document.Label);
        Assert.Equal(PatientJson.Serialize(patient, JsonLayout.SingleLine), JsonSerializer.Serialize(patient, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.AddSarcomaConsensus()));
        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.AddSarcomaConsensus(ReportLayout.Compact);
        Assert.Equal(ReportJson.Serialize(report, ReportJsonOptions.CompactLine), JsonSerializer.Serialize(report, relaxed));

        var e = Assert.Throws<PatientJsonException>(() => JsonSerializer.Deserialize<Patient>("""{"clinical":{"ecgo":1}}""", options));
        Assert.Equal("clinical.ecgo", e.Path);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ConsensusReport>("{}", options));
    }

    [Fact]
    public void Both_exceptions_name_a_field_in_the_same_path_style()
    {
        var patient = new Patient
        {
            Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, SizeMm = -37.5m } } },
        };
        var json = """{"metastases":{"lesions":[{"site":"liver","sizeMm":-37.5}]}}""";

        var fromModel = Assert.Throws<PatientValidationException>(() => PatientValidator.EnsureValid(patient));
        var fromJson = Assert.Throws<PatientJsonException>(() => PatientJson.Parse(json));

        Assert.Equal("metastases.lesions[0].sizeMm", Assert.Single(fromModel.Errors).Field);
        Assert.Equal(fromModel.Errors.Select(e => e.Field), fromJson.Errors.Select(e => e.Field));
        Assert.Equal(new[] { "metastases.lesions[0].sizeMm" }, fromJson.ToValidationErrors().Keys.ToArray());
    }
}
