using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using Sarcoma.Consensus.Model;
using Patient = Sarcoma.Consensus.Model.Patient;

namespace Sarcoma.Consensus.Fhir.Questionnaires;

/// <summary>
/// Reads and sets one fact of a <see cref="Patient"/> by its path (<see cref="FactNames"/>, indexed for list items:
/// <c>metastases.lesions[1].resectable</c>). Values are <see cref="bool"/>, <see cref="int"/>, <see cref="decimal"/>,
/// <see cref="LocalDate"/>, an enum of the model, a <see cref="Histology"/>, or an <see cref="int"/> array (segments).
/// </summary>
internal static class PatientFacts
{
    private static readonly Regex Indexed = new(@"^(metastases\.lesions|treatment\.liverResections)\[([0-9]+)\]\.(\w+)$", RegexOptions.CultureInvariant);

    /// <summary>The generic name of a path: <c>metastases.lesions[1].resectable</c> → <c>metastases.lesions[].resectable</c>.</summary>
    public static string Generic(string path) => AnyIndex.Replace(path, "[]");

    // An index of a path ("[1]"): one Regex, not the static Regex.Replace's cache look-up per call.
    private static readonly Regex AnyIndex = new(@"\[[0-9]+\]", RegexOptions.CultureInvariant);

    public static bool TrySplit(string path, out string list, out int index, out string member)
    {
        var match = Indexed.Match(path);
        list = match.Success ? match.Groups[1].Value : string.Empty;
        index = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : -1;
        member = match.Success ? match.Groups[3].Value : string.Empty;
        return match.Success;
    }

    public static object? Get(Patient patient, string path)
    {
        if (TrySplit(path, out var list, out var index, out var member))
        {
            if (list == "metastases.lesions")
            {
                var lesions = patient.Metastases?.Lesions ?? Array.Empty<Lesion>();
                return index < lesions.Count ? GetLesion(lesions[index], member) : null;
            }

            var resections = patient.Treatment.LiverResections;
            return index < resections.Count ? (member == "performedOn" ? resections[index].PerformedOn : resections[index].Margin) : null;
        }

        var p = patient.Primary;
        var m = patient.Metastases;
        var t = patient.Treatment;
        return path switch
        {
            FactNames.PrimaryHistology => p?.Histology,
            FactNames.PrimarySite => p?.Site,
            FactNames.PrimaryGrade => p?.Grade,
            FactNames.PrimaryDiagnosedOn => p?.DiagnosedOn,
            FactNames.PrimaryResected => p?.Resected,
            FactNames.PrimaryResectedOn => p?.ResectedOn,
            FactNames.PrimaryResectable => p?.Resectable,
            FactNames.MetastasesDetectedOn => m?.DetectedOn,
            FactNames.NoEvidenceOfDisease => m?.NoEvidenceOfDisease,
            FactNames.DiffusePleural => m?.Diffuse.Pleural,
            FactNames.DiffusePericardial => m?.Diffuse.Pericardial,
            FactNames.DiffusePeritoneal => m?.Diffuse.Peritoneal,
            FactNames.DiffuseLeptomeningeal => m?.Diffuse.Leptomeningeal,
            FactNames.StagingContrastCt => patient.Staging.ContrastCt,
            FactNames.StagingLiverMri => patient.Staging.LiverMri,
            FactNames.StagingFdgPetCt => patient.Staging.FdgPetCt,
            FactNames.StagingBrainMri => patient.Staging.BrainMri,
            FactNames.StagingSpineMri => patient.Staging.SpineMri,
            FactNames.Ecog => patient.Clinical.Ecog,
            FactNames.AsaClass => patient.Clinical.AsaClass,
            FactNames.SignificantComorbidities => patient.Clinical.SignificantComorbidities,
            FactNames.FitForSurgery => patient.Clinical.FitForSurgery,
            FactNames.SystemicTherapyReceived => t.SystemicTherapyReceived,
            FactNames.SystemicTherapyResponse => t.SystemicTherapyResponse,
            FactNames.OnSystemicTherapy => t.OnSystemicTherapy,
            FactNames.InductionTherapyPlanned => t.InductionTherapyPlanned,
            FactNames.LastTreatmentEndedOn => t.LastTreatmentEndedOn,
            FactNames.PreviousLiverResection => t.HasPreviousLiverResection,
            FactNames.AdjuvantTherapyAfterFirstLiverResection => t.AdjuvantTherapyAfterFirstLiverResection,
            FactNames.PreviousAbdominalSurgeries => t.PreviousAbdominalSurgeries,
            FactNames.MajorHepatectomyPlanned => patient.LiverSurgery.MajorHepatectomyPlanned,
            FactNames.FutureLiverRemnantPercent => patient.LiverSurgery.FutureLiverRemnantPercent,
            FactNames.ExtensivePriorChemotherapy => patient.LiverSurgery.ExtensivePriorChemotherapy,
            FactNames.UncorrectableCoagulopathy => patient.FocalTherapyContraindications.UncorrectableCoagulopathy,
            FactNames.ActiveInfectionInTreatmentArea => patient.FocalTherapyContraindications.ActiveInfectionInTreatmentArea,
            FactNames.AdjacentStructuresNotProtectable => patient.FocalTherapyContraindications.AdjacentStructuresNotProtectable,
            FactNames.DecompensatedLiverFailure => patient.FocalTherapyContraindications.DecompensatedLiverFailure,
            FactNames.HccRiskFactors => patient.OriginUncertainty.HccRiskFactors,
            FactNames.ColorectalCancerHistory => patient.OriginUncertainty.ColorectalCancerHistory,
            FactNames.OtherCancerHistory => patient.OriginUncertainty.OtherCancerHistory,
            _ => throw new ArgumentException("Not a settable fact path.", nameof(path)),
        };
    }

    private static object? GetLesion(Lesion lesion, string member) => member switch
    {
        "site" => lesion.Site,
        "sizeMm" => lesion.SizeMm,
        "segments" => lesion.Segments.Count == 0 ? null : lesion.Segments.ToArray(),
        "lobe" => lesion.Lobe,
        "vascularInvolvement" => lesion.VascularInvolvement,
        "centralLocation" => lesion.CentralLocation,
        "symptomatic" => lesion.Symptomatic,
        "resectable" => lesion.Resectable,
        "ablatable" => lesion.Ablatable,
        _ => throw new ArgumentException("Not a lesion fact.", nameof(member)),
    };

    public static Patient Set(Patient patient, string path, object? value)
    {
        if (TrySplit(path, out var list, out var index, out var member))
        {
            if (list == "metastases.lesions")
            {
                var metastases = patient.Metastases ?? new MetastaticDisease();
                var lesions = metastases.Lesions.ToArray();
                if (index >= lesions.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(path), "No such lesion.");
                }

                lesions[index] = SetLesion(lesions[index], member, value);
                return patient with { Metastases = metastases with { Lesions = lesions } };
            }

            var resections = patient.Treatment.LiverResections.ToArray();
            if (index >= resections.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(path), "No such liver resection.");
            }

            resections[index] = member == "performedOn"
                ? resections[index] with { PerformedOn = (LocalDate?)value }
                : resections[index] with { Margin = (ResectionMargin?)value };
            return patient with { Treatment = patient.Treatment with { LiverResections = resections } };
        }

        var p = patient.Primary ?? new PrimaryTumor();
        var m = patient.Metastases ?? new MetastaticDisease();
        var t = patient.Treatment;
        var c = patient.Clinical;
        var s = patient.Staging;
        var l = patient.LiverSurgery;
        var f = patient.FocalTherapyContraindications;
        var o = patient.OriginUncertainty;
        return path switch
        {
            FactNames.PrimaryHistology => patient with { Primary = p with { Histology = (Histology?)value } },
            FactNames.PrimarySite => patient with { Primary = p with { Site = (PrimarySite?)value } },
            FactNames.PrimaryGrade => patient with { Primary = p with { Grade = (HistologicGrade?)value } },
            FactNames.PrimaryDiagnosedOn => patient with { Primary = p with { DiagnosedOn = (LocalDate?)value } },
            FactNames.PrimaryResected => patient with { Primary = p with { Resected = (bool?)value } },
            FactNames.PrimaryResectedOn => patient with { Primary = p with { ResectedOn = (LocalDate?)value } },
            FactNames.PrimaryResectable => patient with { Primary = p with { Resectable = (bool?)value } },
            FactNames.MetastasesDetectedOn => patient with { Metastases = m with { DetectedOn = (LocalDate?)value } },
            FactNames.NoEvidenceOfDisease => patient with { Metastases = m with { NoEvidenceOfDisease = (bool?)value } },
            FactNames.DiffusePleural => patient with { Metastases = m with { Diffuse = m.Diffuse with { Pleural = (bool?)value } } },
            FactNames.DiffusePericardial => patient with { Metastases = m with { Diffuse = m.Diffuse with { Pericardial = (bool?)value } } },
            FactNames.DiffusePeritoneal => patient with { Metastases = m with { Diffuse = m.Diffuse with { Peritoneal = (bool?)value } } },
            FactNames.DiffuseLeptomeningeal => patient with { Metastases = m with { Diffuse = m.Diffuse with { Leptomeningeal = (bool?)value } } },
            FactNames.StagingContrastCt => patient with { Staging = s with { ContrastCt = (bool?)value } },
            FactNames.StagingLiverMri => patient with { Staging = s with { LiverMri = (bool?)value } },
            FactNames.StagingFdgPetCt => patient with { Staging = s with { FdgPetCt = (bool?)value } },
            FactNames.StagingBrainMri => patient with { Staging = s with { BrainMri = (bool?)value } },
            FactNames.StagingSpineMri => patient with { Staging = s with { SpineMri = (bool?)value } },
            FactNames.Ecog => patient with { Clinical = c with { Ecog = (int?)value } },
            FactNames.AsaClass => patient with { Clinical = c with { AsaClass = (int?)value } },
            FactNames.SignificantComorbidities => patient with { Clinical = c with { SignificantComorbidities = (bool?)value } },
            FactNames.FitForSurgery => patient with { Clinical = c with { FitForSurgery = (bool?)value } },
            FactNames.SystemicTherapyReceived => patient with { Treatment = t with { SystemicTherapyReceived = (bool?)value } },
            FactNames.SystemicTherapyResponse => patient with { Treatment = t with { SystemicTherapyResponse = (TreatmentResponse?)value } },
            FactNames.OnSystemicTherapy => patient with { Treatment = t with { OnSystemicTherapy = (bool?)value } },
            FactNames.InductionTherapyPlanned => patient with { Treatment = t with { InductionTherapyPlanned = (bool?)value } },
            FactNames.LastTreatmentEndedOn => patient with { Treatment = t with { LastTreatmentEndedOn = (LocalDate?)value } },
            FactNames.PreviousLiverResection => patient with { Treatment = t with { PreviousLiverResection = (bool?)value } },
            FactNames.AdjuvantTherapyAfterFirstLiverResection => patient with { Treatment = t with { AdjuvantTherapyAfterFirstLiverResection = (bool?)value } },
            FactNames.PreviousAbdominalSurgeries => patient with { Treatment = t with { PreviousAbdominalSurgeries = (int?)value } },
            FactNames.MajorHepatectomyPlanned => patient with { LiverSurgery = l with { MajorHepatectomyPlanned = (bool?)value } },
            FactNames.FutureLiverRemnantPercent => patient with { LiverSurgery = l with { FutureLiverRemnantPercent = (decimal?)value } },
            FactNames.ExtensivePriorChemotherapy => patient with { LiverSurgery = l with { ExtensivePriorChemotherapy = (bool?)value } },
            FactNames.UncorrectableCoagulopathy => patient with { FocalTherapyContraindications = f with { UncorrectableCoagulopathy = (bool?)value } },
            FactNames.ActiveInfectionInTreatmentArea => patient with { FocalTherapyContraindications = f with { ActiveInfectionInTreatmentArea = (bool?)value } },
            FactNames.AdjacentStructuresNotProtectable => patient with { FocalTherapyContraindications = f with { AdjacentStructuresNotProtectable = (bool?)value } },
            FactNames.DecompensatedLiverFailure => patient with { FocalTherapyContraindications = f with { DecompensatedLiverFailure = (bool?)value } },
            FactNames.HccRiskFactors => patient with { OriginUncertainty = o with { HccRiskFactors = (bool?)value } },
            FactNames.ColorectalCancerHistory => patient with { OriginUncertainty = o with { ColorectalCancerHistory = (bool?)value } },
            FactNames.OtherCancerHistory => patient with { OriginUncertainty = o with { OtherCancerHistory = (bool?)value } },
            _ => throw new ArgumentException("Not a settable fact path.", nameof(path)),
        };
    }

    private static Lesion SetLesion(Lesion lesion, string member, object? value) => member switch
    {
        "sizeMm" => lesion with { SizeMm = (decimal?)value },
        "segments" => lesion with { Segments = ((int[]?)value) ?? Array.Empty<int>() },
        "lobe" => lesion with { Lobe = (LiverLobe?)value },
        "vascularInvolvement" => lesion with { VascularInvolvement = (bool?)value },
        "centralLocation" => lesion with { CentralLocation = (bool?)value },
        "symptomatic" => lesion with { Symptomatic = (bool?)value },
        "resectable" => lesion with { Resectable = (bool?)value },
        "ablatable" => lesion with { Ablatable = (bool?)value },
        _ => throw new ArgumentException("Not a settable lesion fact.", nameof(member)),
    };

    /// <summary>Whether two fact values are the same (segments compared as sets).</summary>
    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (int[] x, int[] y) => x.OrderBy(v => v).SequenceEqual(y.OrderBy(v => v)),
        (decimal x, decimal y) => x == y,
        _ => Equals(a, b),
    };
}
