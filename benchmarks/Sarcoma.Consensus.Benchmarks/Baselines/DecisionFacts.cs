using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// The derived facts the 9 baseline decisions (1.1, 1.2, 2.1, 2.2, 5.3, 5.4, 8.1, 8.2, 9.1) read, computed from the
/// <see cref="Patient"/> exactly as the engine's derived concepts compute them (OligometastaticAssessment,
/// TimingAssessment, SurgicalFitness, EvaluationContext.IsLiverRecurrence, IntervalAssessment.TreatmentFree,
/// RemetastasectomyWindow, LiverRecurrence.Check). Tri-states are 1 yes, 0 no, -1 unknown. Shared by the three
/// baselines, so RulesEngine and NRules are measured on the decision rules, with the same fact extraction as the floor.
/// Default options only (6-month window, boundary synchronous, TFI minimum 12 months, good ECOG ≤ 1, precluding ECOG ≥ 3).
/// </summary>
public sealed class DecisionFacts
{
    /// <summary>The order of the 9 decisions in every status array.</summary>
    public static readonly string[] Ids = { "1.1", "1.2", "2.1", "2.2", "5.3", "5.4", "8.1", "8.2", "9.1" };

    public int Omd { get; set; }
    public int Diffuse { get; set; }
    public int Timing { get; set; } // 1 synchronous, 2 metachronous, 0 unknown
    public int HasLiver { get; set; }
    public int LiverResectable { get; set; }
    public int AllResectable { get; set; }
    public int Extrahepatic { get; set; }
    public int BeyondLung { get; set; }
    public int StagingUnconfirmed { get; set; } // 1: OMD undetermined and its staging not confirmed (5.4: lung disease unknown)
    public int Fitness { get; set; }
    public int Recurrence { get; set; }
    public int PreviousResection { get; set; }
    public bool PrecedesResection { get; set; }
    public int Window { get; set; } // 1 longer than the minimum, 0 below, -1 unknown
    public int Ecog { get; set; } // -1 unknown

    /// <summary>Statuses written by the rule engines, in <see cref="Ids"/> order (default insufficient data).</summary>
    public EvaluationStatus[] Statuses { get; } = new EvaluationStatus[9];

    /// <summary>Sets a status (used by the NRules rules).</summary>
    public void Set(int index, EvaluationStatus status) => Statuses[index] = status;

    /// <summary>Computes the facts into <paramref name="f"/> (reused to keep the floor allocation-free).</summary>
    public static void Extract(Patient p, DecisionFacts f)
    {
        var m = p.Metastases;
        var lesions = m?.Lesions;
        var lesionCount = lesions?.Count ?? 0;
        var ned = m?.NoEvidenceOfDisease == true;

        // 1.1: OligometastaticAssessment.
        var failing = false;
        var missing = false;
        int liverCount = 0, liverFalse = 0, liverNull = 0, allFalse = 0, allNull = 0, extra = 0, beyondLung = 0;
        if (m is null)
        {
            missing = true;
        }
        else
        {
            if (ned)
            {
                failing = true;
            }
            else if (lesionCount == 0)
            {
                missing = true;
            }
            else
            {
                var sites = 0;
                var untreatable = 0;
                var undecided = 0;
                for (var i = 0; i < lesionCount; i++)
                {
                    var l = lesions![i];
                    sites |= 1 << (int)l.Site;
                    if (l.Resectable == false && l.Ablatable == false)
                    {
                        untreatable++;
                    }
                    else if (l.Resectable != true && l.Ablatable != true)
                    {
                        undecided++;
                    }
                }

                if (lesionCount > 5 || System.Numerics.BitOperations.PopCount((uint)sites) > 2 || untreatable > 0)
                {
                    failing = true;
                }
                else if (undecided > 0)
                {
                    missing = true;
                }
            }

            var d = m.Diffuse;
            if (d.Pleural == true || d.Pericardial == true || d.Peritoneal == true || d.Leptomeningeal == true)
            {
                failing = true;
            }
            else if (d.Pleural is null || d.Pericardial is null || d.Peritoneal is null || d.Leptomeningeal is null)
            {
                missing = true;
            }

            for (var i = 0; i < lesionCount; i++)
            {
                var l = lesions![i];
                if (l.Resectable == false)
                {
                    allFalse++;
                }
                else if (l.Resectable is null)
                {
                    allNull++;
                }

                if (l.Site == MetastaticSite.Liver)
                {
                    liverCount++;
                    if (l.Resectable == false)
                    {
                        liverFalse++;
                    }
                    else if (l.Resectable is null)
                    {
                        liverNull++;
                    }
                }
                else
                {
                    extra++;
                    if (l.Site != MetastaticSite.Lung)
                    {
                        beyondLung++;
                    }
                }
            }
        }

        var primary = p.Primary;
        if (primary?.Resected == true || (primary?.Resected == false && primary.Resectable == true))
        {
        }
        else if (primary?.Resected == false && primary.Resectable == false)
        {
            failing = true;
        }
        else
        {
            missing = true;
        }

        var s = p.Staging;
        if (!(s.ContrastCt == true && (s.LiverMri == true || s.FdgPetCt == true)))
        {
            missing = true;
        }

        f.Omd = failing ? 0 : missing ? -1 : 1;
        var stagingMissing = !(s.ContrastCt == true && (s.LiverMri == true || s.FdgPetCt == true));
        f.StagingUnconfirmed = f.Omd == -1 && stagingMissing ? 1 : 0;

        // 1.2.
        if (m is null)
        {
            f.Diffuse = -1;
        }
        else
        {
            var d = m.Diffuse;
            f.Diffuse = d.Pleural == true || d.Pericardial == true || d.Peritoneal == true || d.Leptomeningeal == true ? 1
                : d.Pleural is null || d.Pericardial is null || d.Peritoneal is null || d.Leptomeningeal is null ? -1 : 0;
        }

        // 2.1/2.2: TimingAssessment (window 6 months, the boundary day synchronous).
        var diagnosed = primary?.DiagnosedOn;
        var detected = m?.DetectedOn;
        f.Timing = diagnosed is { } dx && detected is { } found ? (found <= dx.PlusMonths(6) ? 1 : 2) : 0;

        // EvaluationContext.HasLiverMetastases and the lesion facts.
        f.HasLiver = ned ? 0 : lesionCount == 0 ? -1 : liverCount > 0 ? 1 : 0;
        f.LiverResectable = liverFalse > 0 ? 0 : liverNull > 0 ? -1 : 1;
        f.AllResectable = allFalse > 0 ? 0 : allNull > 0 ? -1 : 1;
        f.Extrahepatic = extra;
        f.BeyondLung = beyondLung;

        // SurgicalFitness.
        var c = p.Clinical;
        f.Fitness = c.FitForSurgery == false || c.Ecog >= 3 ? 0 : c.FitForSurgery is null && c.Ecog is null ? -1 : 1;
        f.Ecog = c.Ecog ?? -1;

        // EvaluationContext.IsLiverRecurrence, LiverRecurrence.Check.
        var t = p.Treatment;
        var previous = t.HasPreviousLiverResection;
        f.PreviousResection = previous is null ? -1 : previous.Value ? 1 : 0;
        LocalDate? latestDated = null;
        var undated = false;
        var resections = t.LiverResections;
        for (var i = 0; i < resections.Count; i++)
        {
            if (resections[i].PerformedOn is { } on)
            {
                if (latestDated is null || on > latestDated)
                {
                    latestDated = on;
                }
            }
            else
            {
                undated = true;
            }
        }

        LocalDate? latest = undated ? null : latestDated;
        f.PrecedesResection = detected is { } det && latestDated is { } ld && det <= ld;
        if (f.HasLiver == 0 || previous == false)
        {
            f.Recurrence = 0;
        }
        else if (f.HasLiver == -1 || previous is null)
        {
            f.Recurrence = -1;
        }
        else if (f.PrecedesResection)
        {
            f.Recurrence = 0;
        }
        else if (detected is { } d2 && latest is { } r2)
        {
            f.Recurrence = d2 > r2 ? 1 : 0;
        }
        else
        {
            f.Recurrence = -1;
        }

        // IntervalAssessment.TreatmentFree and RemetastasectomyWindow (minimum 12 months).
        LocalDate? from = t.LastTreatmentEndedOn;
        if (from is { } ended && latestDated is { } resected && resected > ended)
        {
            from = resected;
        }
        else if (from is null && latestDated is not null && t.AdjuvantTherapyAfterFirstLiverResection == false)
        {
            from = latestDated;
        }

        f.Window = from is { } start && detected is { } end
            ? end < start ? -1 : end > start.PlusMonths(12) ? 1 : 0
            : -1;
    }
}
