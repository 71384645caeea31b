using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

public sealed class PatientJsonWriteTests
{
    /// <summary>A patient with every fact known, so every property of the document is written.</summary>
    internal static Patient Complete() => new()
    {
        Primary = new PrimaryTumor
        {
            Histology = Histology.Leiomyosarcoma,
            Site = PrimarySite.Retroperitoneal,
            Grade = HistologicGrade.G2,
            DiagnosedOn = new LocalDate(2021, 1, 4),
            Resected = true,
            ResectedOn = new LocalDate(2021, 2, 1),
            Resectable = true,
        },
        Metastases = new MetastaticDisease
        {
            DetectedOn = new LocalDate(2024, 6, 3),
            NoEvidenceOfDisease = false,
            Lesions = new[]
            {
                new Lesion
                {
                    Site = MetastaticSite.Liver, SizeMm = 23.5m, Segments = new[] { 6, 7 }, Lobe = LiverLobe.Right,
                    VascularInvolvement = false, CentralLocation = false, Symptomatic = false, Resectable = true, Ablatable = true,
                },
                new Lesion { Site = MetastaticSite.Lung, SizeMm = 8m },
            },
            Diffuse = new DiffuseInvolvement { Pleural = false, Pericardial = false, Peritoneal = false, Leptomeningeal = false },
        },
        Staging = new Staging { ContrastCt = true, LiverMri = true, FdgPetCt = false, BrainMri = false, SpineMri = false },
        Clinical = new ClinicalStatus { Ecog = 1, AsaClass = 2, SignificantComorbidities = false, FitForSurgery = true },
        Treatment = new TreatmentHistory
        {
            SystemicTherapyReceived = true,
            SystemicTherapyResponse = TreatmentResponse.StableDisease,
            OnSystemicTherapy = false,
            InductionTherapyPlanned = false,
            LastTreatmentEndedOn = new LocalDate(2022, 9, 1),
            LiverResections = new[] { new LiverResection { PerformedOn = new LocalDate(2022, 3, 1), Margin = ResectionMargin.R0 } },
            PreviousLiverResection = true,
            AdjuvantTherapyAfterFirstLiverResection = true,
            PreviousAbdominalSurgeries = 2,
        },
        LiverSurgery = new LiverSurgeryPlan { MajorHepatectomyPlanned = false, FutureLiverRemnantPercent = 55.5m, ExtensivePriorChemotherapy = true },
        FocalTherapyContraindications = new FocalTherapyContraindications
        {
            UncorrectableCoagulopathy = false,
            ActiveInfectionInTreatmentArea = false,
            AdjacentStructuresNotProtectable = true,
            DecompensatedLiverFailure = false,
        },
        OriginUncertainty = new OriginUncertainty { HccRiskFactors = false, ColorectalCancerHistory = false, OtherCancerHistory = true },
    };

    [Fact]
    public void Complete_patient_matches_the_schema_and_round_trips()
    {
        var json = PatientJson.Serialize(Complete());
        Schemas.AssertValid(Schemas.Patient, json, "complete patient");
        var reread = PatientJson.Parse(json);
        Assert.Equal(json, PatientJson.Serialize(reread));
        Assert.Equal(Complete().Primary, reread.Primary);
        Assert.Equal(Complete().Staging, reread.Staging);
        Assert.Equal(Complete().Clinical, reread.Clinical);
        Assert.Equal(Complete().LiverSurgery, reread.LiverSurgery);
        Assert.Equal(Complete().FocalTherapyContraindications, reread.FocalTherapyContraindications);
        Assert.Equal(Complete().OriginUncertainty, reread.OriginUncertainty);
        Assert.Equal(Complete().Metastases!.Lesions[0] with { Segments = Array.Empty<int>() }, reread.Metastases!.Lesions[0] with { Segments = Array.Empty<int>() });
        Assert.Equal(new[] { 6, 7 }, reread.Metastases.Lesions[0].Segments);
        Assert.Equal(Complete().Treatment.LiverResections[0], reread.Treatment.LiverResections[0]);
    }

    [Fact]
    public void Complete_patient_writes_exactly_the_fact_names()
    {
        using var document = JsonDocument.Parse(PatientJson.Serialize(Complete()));
        var written = new SortedSet<string>(StringComparer.Ordinal);
        CollectPaths(document.RootElement, string.Empty, written);
        var expected = ExpectedDocumentPaths();
        Assert.True(
            expected.SetEquals(written),
            "Not written: " + string.Join(", ", expected.Except(written)) + "; written but not a fact name: " + string.Join(", ", written.Except(expected)));
    }

    [Fact]
    public void Every_settable_property_of_the_model_is_in_the_document()
    {
        using var document = JsonDocument.Parse(PatientJson.Serialize(Complete()));
        var written = new SortedSet<string>(StringComparer.Ordinal);
        CollectPaths(document.RootElement, string.Empty, written);
        var names = written.Select(p => p.Substring(p.LastIndexOf('.') + 1).Replace("[]", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var types = new[]
        {
            typeof(Patient), typeof(PrimaryTumor), typeof(MetastaticDisease), typeof(Lesion), typeof(DiffuseInvolvement), typeof(Staging),
            typeof(ClinicalStatus), typeof(TreatmentHistory), typeof(LiverResection), typeof(LiverSurgeryPlan),
            typeof(FocalTherapyContraindications), typeof(OriginUncertainty),
        };
        foreach (var property in types.SelectMany(t => t.GetProperties().Where(p => p.SetMethod is not null && p.SetMethod.IsPublic)))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            Assert.True(names.Contains(name), property.DeclaringType!.Name + "." + property.Name + " is not read or written as \"" + name + "\"");
        }
    }

    [Fact]
    public void Unknown_facts_are_omitted()
    {
        var json = PatientJson.Serialize(new Patient { Primary = new PrimaryTumor { Histology = Histology.Angiosarcoma } }, JsonLayout.SingleLine);
        Assert.Equal("""{"primary":{"histology":"angiosarcoma"}}""", json);
        Assert.Equal("{}", PatientJson.Serialize(new Patient(), JsonLayout.SingleLine));
    }

    [Fact]
    public void Recorded_metastatic_disease_is_written_even_without_lesions()
    {
        var json = PatientJson.Serialize(new Patient { Metastases = new MetastaticDisease() }, JsonLayout.SingleLine);
        Assert.Equal("""{"metastases":{"lesions":[]}}""", json);
        Assert.NotNull(PatientJson.Parse(json).Metastases);
    }

    [Fact]
    public void Label_is_written_first()
    {
        var json = PatientJson.Serialize(new PatientDocument(new Patient(), "Example"), JsonLayout.SingleLine);
        Assert.Equal("""{"label":"Example"}""", json);
    }

    [Fact]
    public void Histology_read_by_icd_o_3_code_is_written_as_its_code()
    {
        var json = PatientJson.Serialize(PatientJson.Parse("""{"primary":{"histology":"8890/3","grade":"g1"}}"""), JsonLayout.SingleLine);
        Assert.Equal("""{"primary":{"histology":"leiomyosarcoma","grade":1}}""", json);
    }

    [Fact]
    public void Indented_output_uses_line_feeds_only()
    {
        var json = PatientJson.Serialize(Complete());
        Assert.Contains("\n  \"primary\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", PatientJson.Serialize(Complete(), JsonLayout.SingleLine), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_bytes_and_writer_give_the_same_document()
    {
        var text = PatientJson.Serialize(Complete(), JsonLayout.SingleLine);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(PatientJson.SerializeToUtf8Bytes(Complete(), JsonLayout.SingleLine)));
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            PatientJson.Write(writer, Complete());
        }

        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Inconsistent_patient_is_not_written()
    {
        var patient = new Patient { Clinical = new ClinicalStatus { Ecog = 9 } };
        var e = Assert.Throws<PatientValidationException>(() => PatientJson.Serialize(patient));
        Assert.Contains(FactNames.Ecog, e.Message, StringComparison.Ordinal);
        Assert.Throws<PatientValidationException>(() => PatientJson.Serialize(new Patient { Primary = new PrimaryTumor { Site = (PrimarySite)99 } }));
    }

    [Fact]
    public void Every_code_of_every_enum_round_trips_and_matches_the_schema()
    {
        var patients = new List<Patient>();
        patients.AddRange(Enum.GetValues<PrimarySite>().Select(v => new Patient { Primary = new PrimaryTumor { Site = v } }));
        patients.AddRange(Enum.GetValues<HistologicGrade>().Select(v => new Patient { Primary = new PrimaryTumor { Grade = v } }));
        patients.AddRange(Enum.GetValues<MetastaticSite>().Select(v => new Patient { Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = v } } } }));
        patients.AddRange(Enum.GetValues<LiverLobe>().Select(v => new Patient { Metastases = new MetastaticDisease { Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, Lobe = v } } } }));
        patients.AddRange(Enum.GetValues<TreatmentResponse>().Select(v => new Patient { Treatment = new TreatmentHistory { SystemicTherapyResponse = v } }));
        patients.AddRange(Enum.GetValues<ResectionMargin>().Select(v => new Patient { Treatment = new TreatmentHistory { LiverResections = new[] { new LiverResection { Margin = v } } } }));
        patients.AddRange(Histology.All.Select(h => new Patient { Primary = new PrimaryTumor { Histology = h } }));
        foreach (var patient in patients)
        {
            var json = PatientJson.Serialize(patient, JsonLayout.SingleLine);
            Schemas.AssertValid(Schemas.Patient, json, json);
            Assert.Equal(json, PatientJson.Serialize(PatientJson.Parse(json), JsonLayout.SingleLine));
        }
    }

    [Fact]
    public void Every_icd_o_3_code_matches_the_schema_and_is_read()
    {
        foreach (var histology in Histology.All)
        {
            foreach (var code in histology.IcdO3Codes)
            {
                var json = "{\"primary\":{\"histology\":\"" + code + "\"}}";
                Schemas.AssertValid(Schemas.Patient, json, code);
                Assert.Equal(histology, PatientJson.Parse(json).Primary!.Histology);
            }
        }
    }

    private static SortedSet<string> ExpectedDocumentPaths()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(FactNames).GetFields().Where(f => f.IsLiteral))
        {
            var path = (string)field.GetRawConstantValue()!;
            if (path != FactNames.AsOf)
            {
                expected.Add(path);
            }
        }

        // Containers that FactNames does not name.
        foreach (var container in new[] { "primary", "metastases.diffuse", "staging", "clinical", "treatment", "liverSurgery", "focalTherapyContraindications", "originUncertainty" })
        {
            expected.Add(container);
        }

        return expected;
    }

    internal static void CollectPaths(JsonElement element, string path, ISet<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                paths.Add(child);
                CollectPaths(property.Value, child, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                CollectPaths(item, path + "[]", paths);
            }
        }
    }
}
