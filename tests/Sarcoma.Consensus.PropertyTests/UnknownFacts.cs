using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>Every way of making one known fact of a patient unknown: the fact's path, and the patient without it.</summary>
internal static class UnknownFacts
{
    /// <summary>The facts of a patient that are known, each with the patient in which it is unknown.</summary>
    public static IReadOnlyList<(string Fact, Patient Patient)> Of(Patient patient)
    {
        var list = new List<(string, Patient)>();
        void Add(bool known, string fact, Func<Patient> without)
        {
            if (known)
            {
                list.Add((fact, without()));
            }
        }

        if (patient.Primary is { } p)
        {
            Add(true, "primary", () => patient with { Primary = null });
            Add(p.Histology is not null, FactNames.PrimaryHistology, () => patient with { Primary = p with { Histology = null } });
            Add(p.Site is not null, FactNames.PrimarySite, () => patient with { Primary = p with { Site = null } });
            Add(p.Grade is not null, FactNames.PrimaryGrade, () => patient with { Primary = p with { Grade = null } });
            Add(p.DiagnosedOn is not null, FactNames.PrimaryDiagnosedOn, () => patient with { Primary = p with { DiagnosedOn = null } });
            Add(p.Resected is not null, FactNames.PrimaryResected, () => patient with { Primary = p with { Resected = null } });
            Add(p.ResectedOn is not null, FactNames.PrimaryResectedOn, () => patient with { Primary = p with { ResectedOn = null } });
            Add(p.Resectable is not null, FactNames.PrimaryResectable, () => patient with { Primary = p with { Resectable = null } });
        }

        if (patient.Metastases is { } m)
        {
            Add(true, "metastases", () => patient with { Metastases = null });
            Add(m.DetectedOn is not null, FactNames.MetastasesDetectedOn, () => patient with { Metastases = m with { DetectedOn = null } });
            Add(m.NoEvidenceOfDisease is not null, FactNames.NoEvidenceOfDisease, () => patient with { Metastases = m with { NoEvidenceOfDisease = null } });
            var d = m.Diffuse;
            Add(d.Pleural is not null, FactNames.DiffusePleural, () => patient with { Metastases = m with { Diffuse = d with { Pleural = null } } });
            Add(d.Pericardial is not null, FactNames.DiffusePericardial, () => patient with { Metastases = m with { Diffuse = d with { Pericardial = null } } });
            Add(d.Peritoneal is not null, FactNames.DiffusePeritoneal, () => patient with { Metastases = m with { Diffuse = d with { Peritoneal = null } } });
            Add(d.Leptomeningeal is not null, FactNames.DiffuseLeptomeningeal, () => patient with { Metastases = m with { Diffuse = d with { Leptomeningeal = null } } });
            for (var i = 0; i < Math.Min(m.Lesions.Count, 4); i++)
            {
                var index = i;
                var l = m.Lesions[i];
                Patient With(Lesion changed) => patient with { Metastases = m with { Lesions = m.Lesions.Select((x, j) => j == index ? changed : x).ToArray() } };
                var at = $"metastases.lesions[{i}].";
                Add(l.SizeMm is not null, at + "sizeMm", () => With(l with { SizeMm = null }));
                Add(l.Segments.Count > 0, at + "segments", () => With(l with { Segments = Array.Empty<int>() }));
                Add(l.Lobe is not null, at + "lobe", () => With(l with { Lobe = null }));
                Add(l.VascularInvolvement is not null, at + "vascularInvolvement", () => With(l with { VascularInvolvement = null }));
                Add(l.CentralLocation is not null, at + "centralLocation", () => With(l with { CentralLocation = null }));
                Add(l.Symptomatic is not null, at + "symptomatic", () => With(l with { Symptomatic = null }));
                Add(l.Resectable is not null, at + "resectable", () => With(l with { Resectable = null }));
                Add(l.Ablatable is not null, at + "ablatable", () => With(l with { Ablatable = null }));
            }
        }

        var s = patient.Staging;
        Add(s.ContrastCt is not null, FactNames.StagingContrastCt, () => patient with { Staging = s with { ContrastCt = null } });
        Add(s.LiverMri is not null, FactNames.StagingLiverMri, () => patient with { Staging = s with { LiverMri = null } });
        Add(s.FdgPetCt is not null, FactNames.StagingFdgPetCt, () => patient with { Staging = s with { FdgPetCt = null } });
        Add(s.BrainMri is not null, FactNames.StagingBrainMri, () => patient with { Staging = s with { BrainMri = null } });
        Add(s.SpineMri is not null, FactNames.StagingSpineMri, () => patient with { Staging = s with { SpineMri = null } });

        var c = patient.Clinical;
        Add(c.Ecog is not null, FactNames.Ecog, () => patient with { Clinical = c with { Ecog = null } });
        Add(c.AsaClass is not null, FactNames.AsaClass, () => patient with { Clinical = c with { AsaClass = null } });
        Add(c.SignificantComorbidities is not null, FactNames.SignificantComorbidities, () => patient with { Clinical = c with { SignificantComorbidities = null } });
        Add(c.FitForSurgery is not null, FactNames.FitForSurgery, () => patient with { Clinical = c with { FitForSurgery = null } });

        var t = patient.Treatment;
        Add(t.SystemicTherapyReceived is not null, FactNames.SystemicTherapyReceived, () => patient with { Treatment = t with { SystemicTherapyReceived = null } });
        Add(t.SystemicTherapyResponse is not null, FactNames.SystemicTherapyResponse, () => patient with { Treatment = t with { SystemicTherapyResponse = null } });
        Add(t.OnSystemicTherapy is not null, FactNames.OnSystemicTherapy, () => patient with { Treatment = t with { OnSystemicTherapy = null } });
        Add(t.InductionTherapyPlanned is not null, FactNames.InductionTherapyPlanned, () => patient with { Treatment = t with { InductionTherapyPlanned = null } });
        Add(t.LastTreatmentEndedOn is not null, FactNames.LastTreatmentEndedOn, () => patient with { Treatment = t with { LastTreatmentEndedOn = null } });
        Add(t.PreviousLiverResection is not null && t.LiverResections.Count == 0, FactNames.PreviousLiverResection, () => patient with { Treatment = t with { PreviousLiverResection = null } });
        Add(t.AdjuvantTherapyAfterFirstLiverResection is not null, FactNames.AdjuvantTherapyAfterFirstLiverResection, () => patient with { Treatment = t with { AdjuvantTherapyAfterFirstLiverResection = null } });
        Add(t.PreviousAbdominalSurgeries is not null, FactNames.PreviousAbdominalSurgeries, () => patient with { Treatment = t with { PreviousAbdominalSurgeries = null } });
        for (var i = 0; i < t.LiverResections.Count; i++)
        {
            var index = i;
            var r = t.LiverResections[i];
            Patient With(LiverResection changed) => patient with { Treatment = t with { LiverResections = t.LiverResections.Select((x, j) => j == index ? changed : x).ToArray() } };
            Add(r.PerformedOn is not null, $"treatment.liverResections[{i}].performedOn", () => With(r with { PerformedOn = null }));
            Add(r.Margin is not null, $"treatment.liverResections[{i}].margin", () => With(r with { Margin = null }));
        }

        var plan = patient.LiverSurgery;
        Add(plan.MajorHepatectomyPlanned is not null, FactNames.MajorHepatectomyPlanned, () => patient with { LiverSurgery = plan with { MajorHepatectomyPlanned = null } });
        Add(plan.FutureLiverRemnantPercent is not null, FactNames.FutureLiverRemnantPercent, () => patient with { LiverSurgery = plan with { FutureLiverRemnantPercent = null } });
        Add(plan.ExtensivePriorChemotherapy is not null, FactNames.ExtensivePriorChemotherapy, () => patient with { LiverSurgery = plan with { ExtensivePriorChemotherapy = null } });

        var f = patient.FocalTherapyContraindications;
        Add(f.UncorrectableCoagulopathy is not null, FactNames.UncorrectableCoagulopathy, () => patient with { FocalTherapyContraindications = f with { UncorrectableCoagulopathy = null } });
        Add(f.ActiveInfectionInTreatmentArea is not null, FactNames.ActiveInfectionInTreatmentArea, () => patient with { FocalTherapyContraindications = f with { ActiveInfectionInTreatmentArea = null } });
        Add(f.AdjacentStructuresNotProtectable is not null, FactNames.AdjacentStructuresNotProtectable, () => patient with { FocalTherapyContraindications = f with { AdjacentStructuresNotProtectable = null } });
        Add(f.DecompensatedLiverFailure is not null, FactNames.DecompensatedLiverFailure, () => patient with { FocalTherapyContraindications = f with { DecompensatedLiverFailure = null } });

        var o = patient.OriginUncertainty;
        Add(o.HccRiskFactors is not null, FactNames.HccRiskFactors, () => patient with { OriginUncertainty = o with { HccRiskFactors = null } });
        Add(o.ColorectalCancerHistory is not null, FactNames.ColorectalCancerHistory, () => patient with { OriginUncertainty = o with { ColorectalCancerHistory = null } });
        Add(o.OtherCancerHistory is not null, FactNames.OtherCancerHistory, () => patient with { OriginUncertainty = o with { OtherCancerHistory = null } });
        return list;
    }
}
