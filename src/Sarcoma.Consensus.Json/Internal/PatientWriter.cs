using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Writes a patient document in the reader's shape. Unknown facts are omitted (absent means unknown), and so is a
/// section whose facts are all unknown; <c>primary</c> and <c>metastases</c> are written whenever they are recorded,
/// and <c>metastases.lesions</c> always with them.
/// </summary>
internal static class PatientWriter
{
    public static void Write(Utf8JsonWriter writer, Patient patient, string? label)
    {
        writer.WriteStartObject();
        if (label is not null)
        {
            writer.WriteString("label", label);
        }

        if (patient.Primary is { } primary)
        {
            writer.WriteStartObject("primary");
            if (primary.Histology is { } histology)
            {
                writer.WriteString("histology", histology.Key);
            }

            Code(writer, "site", primary.Site, Codes.PrimarySite);
            if (primary.Grade is { } grade)
            {
                writer.WriteNumber("grade", (int)grade);
            }

            Date(writer, "diagnosedOn", primary.DiagnosedOn);
            Boolean(writer, "resected", primary.Resected);
            Date(writer, "resectedOn", primary.ResectedOn);
            Boolean(writer, "resectable", primary.Resectable);
            writer.WriteEndObject();
        }

        if (patient.Metastases is { } metastases)
        {
            writer.WriteStartObject("metastases");
            Date(writer, "detectedOn", metastases.DetectedOn);
            Boolean(writer, "noEvidenceOfDisease", metastases.NoEvidenceOfDisease);
            writer.WriteStartArray("lesions");
            foreach (var lesion in metastases.Lesions)
            {
                WriteLesion(writer, lesion);
            }

            writer.WriteEndArray();
            var diffuse = metastases.Diffuse;
            if (diffuse != new DiffuseInvolvement())
            {
                writer.WriteStartObject("diffuse");
                Boolean(writer, "pleural", diffuse.Pleural);
                Boolean(writer, "pericardial", diffuse.Pericardial);
                Boolean(writer, "peritoneal", diffuse.Peritoneal);
                Boolean(writer, "leptomeningeal", diffuse.Leptomeningeal);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        var staging = patient.Staging;
        if (staging != new Staging())
        {
            writer.WriteStartObject("staging");
            Boolean(writer, "contrastCt", staging.ContrastCt);
            Boolean(writer, "liverMri", staging.LiverMri);
            Boolean(writer, "fdgPetCt", staging.FdgPetCt);
            Boolean(writer, "brainMri", staging.BrainMri);
            Boolean(writer, "spineMri", staging.SpineMri);
            writer.WriteEndObject();
        }

        var clinical = patient.Clinical;
        if (clinical != new ClinicalStatus())
        {
            writer.WriteStartObject("clinical");
            Integer(writer, "ecog", clinical.Ecog);
            Integer(writer, "asaClass", clinical.AsaClass);
            Boolean(writer, "significantComorbidities", clinical.SignificantComorbidities);
            Boolean(writer, "fitForSurgery", clinical.FitForSurgery);
            writer.WriteEndObject();
        }

        WriteTreatment(writer, patient.Treatment);

        var plan = patient.LiverSurgery;
        if (plan != new LiverSurgeryPlan())
        {
            writer.WriteStartObject("liverSurgery");
            Boolean(writer, "majorHepatectomyPlanned", plan.MajorHepatectomyPlanned);
            if (plan.FutureLiverRemnantPercent is { } flr)
            {
                writer.WriteNumber("futureLiverRemnantPercent", flr);
            }

            Boolean(writer, "extensivePriorChemotherapy", plan.ExtensivePriorChemotherapy);
            writer.WriteEndObject();
        }

        var contraindications = patient.FocalTherapyContraindications;
        if (contraindications != new FocalTherapyContraindications())
        {
            writer.WriteStartObject("focalTherapyContraindications");
            Boolean(writer, "uncorrectableCoagulopathy", contraindications.UncorrectableCoagulopathy);
            Boolean(writer, "activeInfectionInTreatmentArea", contraindications.ActiveInfectionInTreatmentArea);
            Boolean(writer, "adjacentStructuresNotProtectable", contraindications.AdjacentStructuresNotProtectable);
            Boolean(writer, "decompensatedLiverFailure", contraindications.DecompensatedLiverFailure);
            writer.WriteEndObject();
        }

        var origin = patient.OriginUncertainty;
        if (origin != new OriginUncertainty())
        {
            writer.WriteStartObject("originUncertainty");
            Boolean(writer, "hccRiskFactors", origin.HccRiskFactors);
            Boolean(writer, "colorectalCancerHistory", origin.ColorectalCancerHistory);
            Boolean(writer, "otherCancerHistory", origin.OtherCancerHistory);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteLesion(Utf8JsonWriter writer, Lesion lesion)
    {
        writer.WriteStartObject();
        writer.WriteString("site", Codes.MetastaticSite.ToCode(lesion.Site));
        if (lesion.SizeMm is { } size)
        {
            writer.WriteNumber("sizeMm", size);
        }

        if (lesion.Segments.Count > 0)
        {
            writer.WriteStartArray("segments");
            foreach (var segment in lesion.Segments)
            {
                writer.WriteNumberValue(segment);
            }

            writer.WriteEndArray();
        }

        Code(writer, "lobe", lesion.Lobe, Codes.LiverLobe);
        Boolean(writer, "vascularInvolvement", lesion.VascularInvolvement);
        Boolean(writer, "centralLocation", lesion.CentralLocation);
        Boolean(writer, "symptomatic", lesion.Symptomatic);
        Boolean(writer, "resectable", lesion.Resectable);
        Boolean(writer, "ablatable", lesion.Ablatable);
        writer.WriteEndObject();
    }

    private static void WriteTreatment(Utf8JsonWriter writer, TreatmentHistory treatment)
    {
        // Record equality compares the list by reference, so compare with the list set to the default empty array.
        if (treatment.LiverResections.Count == 0 && treatment with { LiverResections = System.Array.Empty<LiverResection>() } == new TreatmentHistory())
        {
            return;
        }

        writer.WriteStartObject("treatment");
        Boolean(writer, "systemicTherapyReceived", treatment.SystemicTherapyReceived);
        Code(writer, "systemicTherapyResponse", treatment.SystemicTherapyResponse, Codes.TreatmentResponse);
        Boolean(writer, "onSystemicTherapy", treatment.OnSystemicTherapy);
        Boolean(writer, "inductionTherapyPlanned", treatment.InductionTherapyPlanned);
        Date(writer, "lastTreatmentEndedOn", treatment.LastTreatmentEndedOn);
        if (treatment.LiverResections.Count > 0)
        {
            writer.WriteStartArray("liverResections");
            foreach (var resection in treatment.LiverResections)
            {
                writer.WriteStartObject();
                Date(writer, "performedOn", resection.PerformedOn);
                Code(writer, "margin", resection.Margin, Codes.ResectionMargin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Boolean(writer, "previousLiverResection", treatment.PreviousLiverResection);
        Boolean(writer, "adjuvantTherapyAfterFirstLiverResection", treatment.AdjuvantTherapyAfterFirstLiverResection);
        Integer(writer, "previousAbdominalSurgeries", treatment.PreviousAbdominalSurgeries);
        writer.WriteEndObject();
    }

    private static void Boolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }

    private static void Integer(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void Date(Utf8JsonWriter writer, string name, LocalDate? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, LocalDatePattern.Iso.Format(v));
        }
    }

    private static void Code<TEnum>(Utf8JsonWriter writer, string name, TEnum? value, CodeTable<TEnum> table)
        where TEnum : struct, System.Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, table.ToCode(v));
        }
    }
}
