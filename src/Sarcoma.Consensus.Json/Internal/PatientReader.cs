using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>Maps a parsed patient document to a <see cref="Patient"/>, collecting every problem at once.</summary>
internal static class PatientReader
{
    /// <summary>The longest accepted case label.</summary>
    public const int MaximumLabelLength = 200;

    private const string SegmentDescription = "a Couinaud segment, 1–8";

    /// <summary>
    /// Reads the document; throws <see cref="PatientJsonException"/> listing every problem. Text that is not valid
    /// Unicode is reported first and alone, by path, since nothing else can be read reliably from it. The patient is then
    /// checked by <see cref="PatientValidator"/> with the plausible date range of <paramref name="options"/>, also when
    /// the only problems of the document are unknown properties (which the mapping ignores, so what was read is exactly
    /// what the known properties say): the client then learns the unknown properties and the inconsistencies in one
    /// answer instead of in two. After any other problem (a wrong type, a repeated property, a lesion without a site)
    /// the mapped patient is not the document's, so it is not checked.
    /// </summary>
    /// <param name="root">The document.</param>
    /// <param name="options">The options (the plausible date range); the defaults when <see langword="null"/>.</param>
    /// <param name="unicodeKnownValid">
    /// Whether every string of the document is already known to be valid Unicode (parsed from a .NET string holding no
    /// escaped surrogate, <see cref="TextCheck.MayHoldSurrogateEscape(string)"/>), so the walk of <see cref="TextCheck.Unicode"/>
    /// would find nothing.
    /// </param>
    public static PatientDocument Read(JsonElement root, ConsensusOptions? options, bool unicodeKnownValid = false)
    {
        if (!unicodeKnownValid)
        {
            var unicode = new List<ValidationError>();
            TextCheck.Unicode(root, JsonPath.Root, unicode);
            if (unicode.Count > 0)
            {
                throw new PatientJsonException(unicode);
            }
        }

        var errors = new ReadErrors();
        var document = ReadDocument(root, errors);
        if (document is null || !errors.OnlyUnknownProperties)
        {
            throw new PatientJsonException(errors.With(System.Array.Empty<ValidationError>()));
        }

        var invalid = PatientValidator.Validate(document.Patient, null, options);
        if (errors.Count > 0 || invalid.Count > 0)
        {
            throw new PatientJsonException(errors.With(invalid));
        }

        return document;
    }

    private static PatientDocument? ReadDocument(JsonElement root, ReadErrors errors)
    {
        var reader = ObjectReader.Open(root, JsonPath.Root, errors);
        if (reader is null)
        {
            return null;
        }

        // "$schema" lets editors find the schema; it is checked for type and otherwise ignored.
        reader.Text("$schema", 2048);
        var label = reader.Text("label", MaximumLabelLength);
        if (label is not null && TextCheck.FreeTextProblem(label) is { } problem)
        {
            reader.Error(JsonPath.Property(JsonPath.Root, "label"), problem);
            label = null;
        }

        var patient = new Patient
        {
            Primary = ReadPrimary(reader.Object("primary"), errors),
            Metastases = ReadMetastases(reader.Object("metastases"), errors),
            Staging = ReadStaging(reader.Object("staging")),
            Clinical = ReadClinical(reader.Object("clinical")),
            Treatment = ReadTreatment(reader.Object("treatment"), errors),
            LiverSurgery = ReadLiverSurgery(reader.Object("liverSurgery")),
            FocalTherapyContraindications = ReadContraindications(reader.Object("focalTherapyContraindications")),
            OriginUncertainty = ReadOriginUncertainty(reader.Object("originUncertainty")),
        };
        reader.Finish();
        return new PatientDocument(patient, label);
    }

    private static PrimaryTumor? ReadPrimary(ObjectReader? reader, ReadErrors errors)
    {
        if (reader is null)
        {
            return null;
        }

        var primary = new PrimaryTumor
        {
            Histology = ReadHistology(reader),
            Site = reader.Code("site", Codes.PrimarySite),
            Grade = ReadGrade(reader, errors),
            DiagnosedOn = reader.Date("diagnosedOn"),
            Resected = reader.Boolean("resected"),
            ResectedOn = reader.Date("resectedOn"),
            Resectable = reader.Boolean("resectable"),
        };
        reader.Finish();
        return primary;
    }

    private static Histology? ReadHistology(ObjectReader reader)
    {
        if (!reader.TryGet("histology", out var value, out var path))
        {
            return null;
        }

        // A name (case-insensitive), an ICD-O-3 morphology code or a SNOMED CT concept id (docs/histology.md): a code
        // of a non-sarcoma is read (the report says it is out of scope); only text that is neither is an error.
        if (value.ValueKind == JsonValueKind.String && Histology.TryParse(value.GetString(), out var histology))
        {
            return histology;
        }

        reader.Error(path, "is not a histology name, an ICD-O-3 morphology code (NNNN/B) or a SNOMED CT concept id (see docs/histology.md), or null.");
        return null;
    }

    private static HistologicGrade? ReadGrade(ObjectReader reader, ReadErrors errors)
    {
        if (!reader.TryGet("grade", out var value, out var path))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (ObjectReader.TryGetExactInteger(value, out var number) && number is 1 or 2 or 3)
            {
                return (HistologicGrade)number;
            }
        }
        else if (value.ValueKind == JsonValueKind.String && Codes.Grade.TryParse(value.GetString()!, out var grade))
        {
            return grade;
        }

        errors.Add(new ValidationError(path.Text, "must be the FNCLCC grade 1, 2 or 3 (or \"g1\", \"g2\", \"g3\"), or null."));
        return null;
    }

    private static MetastaticDisease? ReadMetastases(ObjectReader? reader, ReadErrors errors)
    {
        if (reader is null)
        {
            return null;
        }

        var detectedOn = reader.Date("detectedOn");
        var noEvidenceOfDisease = reader.Boolean("noEvidenceOfDisease");
        // Lists handed to the model as they are: its setters copy a List<T> once into an exact array (a ToArray here
        // would copy twice); the items by index (a foreach over the interface allocates an enumerator).
        var items = reader.Array("lesions", "lesion objects");
        var lesions = new List<Lesion>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, path) = items[i];
            if (ReadLesion(ObjectReader.Open(item, path, errors), errors) is { } lesion)
            {
                lesions.Add(lesion);
            }
        }

        var diffuse = new DiffuseInvolvement();
        if (reader.Object("diffuse") is { } d)
        {
            diffuse = new DiffuseInvolvement
            {
                Pleural = d.Boolean("pleural"),
                Pericardial = d.Boolean("pericardial"),
                Peritoneal = d.Boolean("peritoneal"),
                Leptomeningeal = d.Boolean("leptomeningeal"),
            };
            d.Finish();
        }

        reader.Finish();
        return new MetastaticDisease { DetectedOn = detectedOn, NoEvidenceOfDisease = noEvidenceOfDisease, Lesions = lesions, Diffuse = diffuse };
    }

    private static Lesion? ReadLesion(ObjectReader? reader, ReadErrors errors)
    {
        if (reader is null)
        {
            return null;
        }

        MetastaticSite? site = null;
        if (reader.TryGet("site", out var siteValue, out var sitePath))
        {
            if (siteValue.ValueKind == JsonValueKind.String && Codes.MetastaticSite.TryParse(siteValue.GetString()!, out var parsed))
            {
                site = parsed;
            }
            else
            {
                reader.Error(sitePath, $"must be one of: {Codes.MetastaticSite.Description}.");
            }
        }
        else
        {
            reader.Error(sitePath, "is required: every lesion states its organ or site.");
        }

        var items = reader.Array("segments", "Couinaud segments (1–8)");
        var segments = items.Count == 0 ? null : new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, path) = items[i];
            if (ObjectReader.ReadInteger(item, path, SegmentDescription, errors) is { } segment)
            {
                segments!.Add(segment);
            }
        }

        var lesion = new Lesion
        {
            SizeMm = reader.Number("sizeMm", "the largest diameter in millimetres"),
            Site = site.GetValueOrDefault(),
            Segments = segments is null ? System.Array.Empty<int>() : segments,
            Lobe = reader.Code("lobe", Codes.LiverLobe),
            VascularInvolvement = reader.Boolean("vascularInvolvement"),
            CentralLocation = reader.Boolean("centralLocation"),
            Symptomatic = reader.Boolean("symptomatic"),
            Resectable = reader.Boolean("resectable"),
            Ablatable = reader.Boolean("ablatable"),
        };
        reader.Finish();
        return site is null ? null : lesion;
    }

    private static Staging ReadStaging(ObjectReader? reader)
    {
        if (reader is null)
        {
            return new Staging();
        }

        var staging = new Staging
        {
            ContrastCt = reader.Boolean("contrastCt"),
            LiverMri = reader.Boolean("liverMri"),
            FdgPetCt = reader.Boolean("fdgPetCt"),
            BrainMri = reader.Boolean("brainMri"),
            SpineMri = reader.Boolean("spineMri"),
        };
        reader.Finish();
        return staging;
    }

    private static ClinicalStatus ReadClinical(ObjectReader? reader)
    {
        if (reader is null)
        {
            return new ClinicalStatus();
        }

        var clinical = new ClinicalStatus
        {
            Ecog = reader.Integer("ecog", "the ECOG performance status, 0–5"),
            AsaClass = reader.Integer("asaClass", "the ASA physical status class, 1–6"),
            SignificantComorbidities = reader.Boolean("significantComorbidities"),
            FitForSurgery = reader.Boolean("fitForSurgery"),
        };
        reader.Finish();
        return clinical;
    }

    private static TreatmentHistory ReadTreatment(ObjectReader? reader, ReadErrors errors)
    {
        if (reader is null)
        {
            return new TreatmentHistory();
        }

        var items = reader.Array("liverResections", "liver resection objects");
        var resections = new List<LiverResection>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (item, path) = items[i];
            if (ObjectReader.Open(item, path, errors) is { } r)
            {
                resections.Add(new LiverResection
                {
                    PerformedOn = r.Date("performedOn"),
                    Margin = r.Code("margin", Codes.ResectionMargin),
                });
                r.Finish();
            }
        }

        var treatment = new TreatmentHistory
        {
            SystemicTherapyReceived = reader.Boolean("systemicTherapyReceived"),
            SystemicTherapyResponse = reader.Code("systemicTherapyResponse", Codes.TreatmentResponse),
            OnSystemicTherapy = reader.Boolean("onSystemicTherapy"),
            InductionTherapyPlanned = reader.Boolean("inductionTherapyPlanned"),
            LastTreatmentEndedOn = reader.Date("lastTreatmentEndedOn"),
            LiverResections = resections,
            PreviousLiverResection = reader.Boolean("previousLiverResection"),
            AdjuvantTherapyAfterFirstLiverResection = reader.Boolean("adjuvantTherapyAfterFirstLiverResection"),
            PreviousAbdominalSurgeries = reader.Integer("previousAbdominalSurgeries", "a count"),
        };
        reader.Finish();
        return treatment;
    }

    private static LiverSurgeryPlan ReadLiverSurgery(ObjectReader? reader)
    {
        if (reader is null)
        {
            return new LiverSurgeryPlan();
        }

        var plan = new LiverSurgeryPlan
        {
            MajorHepatectomyPlanned = reader.Boolean("majorHepatectomyPlanned"),
            FutureLiverRemnantPercent = reader.Number("futureLiverRemnantPercent", "a percentage, 0–100"),
            ExtensivePriorChemotherapy = reader.Boolean("extensivePriorChemotherapy"),
        };
        reader.Finish();
        return plan;
    }

    private static FocalTherapyContraindications ReadContraindications(ObjectReader? reader)
    {
        if (reader is null)
        {
            return new FocalTherapyContraindications();
        }

        var contraindications = new FocalTherapyContraindications
        {
            UncorrectableCoagulopathy = reader.Boolean("uncorrectableCoagulopathy"),
            ActiveInfectionInTreatmentArea = reader.Boolean("activeInfectionInTreatmentArea"),
            AdjacentStructuresNotProtectable = reader.Boolean("adjacentStructuresNotProtectable"),
            DecompensatedLiverFailure = reader.Boolean("decompensatedLiverFailure"),
        };
        reader.Finish();
        return contraindications;
    }

    private static OriginUncertainty ReadOriginUncertainty(ObjectReader? reader)
    {
        if (reader is null)
        {
            return new OriginUncertainty();
        }

        var origin = new OriginUncertainty
        {
            HccRiskFactors = reader.Boolean("hccRiskFactors"),
            ColorectalCancerHistory = reader.Boolean("colorectalCancerHistory"),
            OtherCancerHistory = reader.Boolean("otherCancerHistory"),
        };
        reader.Finish();
        return origin;
    }
}
