using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The derived concepts, compactly: one verdict per concept with the sentence that decided it, its cautions and the
/// facts missing to decide it; the imaging plan as rows.
/// </summary>
internal static class SituationBuilder
{
    public static IReadOnlyList<ConceptView> Concepts(ConsensusReport report)
    {
        var concepts = new List<ConceptView>();
        if (report.Timing is { } timing)
        {
            var lines = timing.Findings.Select(f => f.Sentence).Append(timing.DiseaseFreeInterval.Sentence());
            concepts.Add(new ConceptView
            {
                Name = "Timing",
                Source = "2.1/2.2",
                // Detection before the recorded diagnosis has no measured DFI: the order of the dates instead (issue #7 §4).
                Verdict = Words.Timing(timing.Timing) + (timing.DiseaseFreeInterval.DetectedBeforeStart
                    ? "; detected " + Text.Count(timing.DiseaseFreeInterval.DaysBeforeStart ?? 0, "day", "days") + " before the recorded diagnosis (no DFI measured)"
                    : timing.DiseaseFreeInterval.IsKnown && timing.Timing == Sarcoma.Consensus.Timing.MetastasisTiming.Synchronous ? "; detected " + timing.DiseaseFreeInterval.Describe() + " after the primary diagnosis"
                    : timing.DiseaseFreeInterval.IsKnown ? "; DFI " + timing.DiseaseFreeInterval.Describe() : string.Empty),
                Tone = timing.Timing is null ? "unknown" : "neutral",
                Lines = Clean(lines),
                Cautions = Clean(new[] { timing.BoundaryCaution }),
                Missing = timing.Missing.Concat(timing.DiseaseFreeInterval.Missing).Distinct().ToList(),
            });
        }

        if (report.Oligometastatic is { } omd)
        {
            // After a complete resection there is no current metastatic disease: said so, not a verdict of "not oligometastatic".
            var noCurrentDisease = NoCurrentDisease(report);
            var lines = (noCurrentDisease ? omd.Findings.Where(f => f.Message.Code == "omd.no-current-disease") : omd.Findings.Take(1)).Select(f => f.Sentence).ToList();
            if (omd.FailingCriteria.Count > 0 && !noCurrentDisease)
            {
                lines.Add("Criteria not met: " + string.Join("; ", omd.FailingCriteria) + ".");
            }

            concepts.Add(new ConceptView
            {
                Name = "Oligometastatic disease",
                Source = "1.1/1.2",
                Verdict = noCurrentDisease ? "no current metastatic disease" : Words.YesNo(omd.Status),
                Tone = noCurrentDisease ? "neutral" : Words.Tone(omd.Status),
                Lines = Clean(lines),
                Missing = omd.Missing.ToList(),
            });
        }

        if (report.TreatmentFreeInterval is { } tfi)
        {
            concepts.Add(new ConceptView
            {
                Name = "Treatment-free interval",
                Source = "9.1",
                Verdict = tfi.IsKnown ? tfi.Describe() : "cannot be counted",
                Tone = tfi.IsKnown ? "neutral" : "unknown",
                Lines = Clean(new[] { tfi.Sentence() }),
                Missing = tfi.Missing.ToList(),
            });
        }

        if (report.LiverResection is { } candidacy)
        {
            var noDisease = NoCurrentDisease(report) && candidacy.Candidate == TriState.No;
            // The engine decides "outside the voted indications 5.3/5.4" (a recorded lesion outside liver and lung), also while
            // the candidacy is still unknown for other reasons (seventh read, case 22; s22 F1): read here, never re-decided.
            var individual = candidacy.Candidate == TriState.Yes && candidacy.IndividualBoardDecision;
            var individualUnknown = candidacy.Candidate == TriState.Unknown && candidacy.Status == TriState.Yes && candidacy.IndividualBoardDecision;
            concepts.Add(new ConceptView
            {
                Name = "Surgical candidacy",
                Source = candidacy.RecurrenceBelowTreatmentFreeInterval ? "sections 1, 3.5, 3.9; 9.1" : "sections 1, 3.5",
                // Extrahepatic disease outside the lung: outside the voted indications 5.3/5.4, an individual board decision (sixth read F2).
                Verdict = noDisease ? "does not arise (no current metastatic disease)"
                    : individual ? "outside the voted indications (5.3, 5.4): an individual tumour-board decision (5.1)"
                    : individualUnknown ? "not yet known, but outside the voted indications (5.3, 5.4) whatever is still to be recorded: an individual tumour-board decision (5.1)"
                    : Words.Candidate(candidacy.Candidate),
                Tone = noDisease ? "neutral" : individual || individualUnknown ? "caution" : Words.Tone(candidacy.Candidate),
                Lines = Clean(new[] { candidacy.CandidateFinding.Sentence }),
                // Fitness (7.2: not assessed, ECOG 2, ASA III or higher) qualifies every surgical recommendation: said at a glance.
                Cautions = Clean(FitnessCautions(report)),
                Missing = candidacy.CandidateMissing.ToList(),
            });
            concepts.Add(new ConceptView
            {
                Name = "Liver resection on the table",
                Source = "5.1, 5.2, 6.x, 7.2, 11.x",
                Verdict = Words.YesNo(candidacy.Status),
                Tone = Words.Tone(candidacy.Status),
                Lines = Clean(new[] { candidacy.Reason }),
                Missing = candidacy.Missing.ToList(),
            });
        }

        if (report.ImagingPlan is { } imaging)
        {
            var outstanding = imaging.Outstanding;
            var undecided = imaging.Items.Where(i => i.Indicated == TriState.Unknown).ToList();
            var notRecorded = imaging.Items.Where(i => i.Indicated == TriState.Yes && i.AlreadyDone is null).ToList();
            concepts.Add(new ConceptView
            {
                Name = "Imaging plan",
                Source = "4.1–4.3",
                Verdict = outstanding.Count > 0 ? Text.Count(outstanding.Count, "indicated examination", "indicated examinations") + " not done"
                    : undecided.Count > 0 ? "not fully decided"
                    : "indicated imaging done",
                Tone = outstanding.Count > 0 ? "caution" : undecided.Count > 0 ? "unknown" : "yes",
                Lines = outstanding.Select(i => i.Name + (i.RepeatAfterSystemicTreatment ? ": indicated after systemic treatment; " + i.DoneStatus + "."
                        : notRecorded.Contains(i) ? ": indicated; not recorded as done." : ": indicated, not done yet."))
                    .Concat(undecided.Select(i => i.Name + ": whether it is indicated cannot be decided yet."))
                    .DefaultIfEmpty("Every indicated examination is recorded as done.")
                    .Append("The imaging plan below gives each examination's basis.")
                    .ToList(),
                Missing = undecided.SelectMany(i => i.Missing).Distinct().ToList(),
            });
        }

        if (report.FocalTherapy is { } focal)
        {
            concepts.Add(new ConceptView
            {
                Name = "Focal therapy",
                Source = "section 3.10",
                Verdict = Words.FocalTherapy(focal.Status),
                Tone = Words.FocalTherapyTone(focal.Status),
                Lines = Clean(focal.Findings.Where(f => f.Fact != FocalTherapyAssessment.ModalitiesName).Select(f => f.Sentence)),
                Cautions = Clean(focal.Cautions),
                Missing = focal.Missing.ToList(),
            });
        }

        if (report.FollowUp is { } schedule)
        {
            var next = schedule.NextVisit;
            concepts.Add(new ConceptView
            {
                Name = "Follow-up",
                Source = "13.1",
                Verdict = next is null ? "schedule complete" : next.Standing == FollowUpVisitStanding.Due ? "visit due now" : "next visit " + Text.Date(next.DueOn),
                Tone = next?.Standing == FollowUpVisitStanding.Due ? "caution" : "neutral",
                Lines = new[] { "From the liver metastasectomy of " + Text.Date(schedule.MetastasectomyOn) + "; see the follow-up calendar." },
            });
        }

        return concepts;
    }

    public static IReadOnlyList<ImagingRowView> Imaging(ConsensusReport report) =>
        report.ImagingPlan is not { } plan
            ? new List<ImagingRowView>()
            : plan.Items.Select(item => new ImagingRowView
            {
                Name = item.Name,
                Indicated = item.Indicated switch { TriState.Yes => "indicated", TriState.No => "not indicated", _ => "unknown" },
                Tone = item.Indicated switch
                {
                    TriState.Yes => item.AlreadyDone == true ? "yes" : "caution",
                    TriState.No => "neutral",
                    _ => "unknown",
                },
                Done = item.DoneStatus,
                Basis = item.Basis,
                Reason = Text.Clean(item.Reason)!,
                Caveat = Text.Clean(item.Caveat),
                Missing = item.Missing.ToList(),
            }).ToList();

    /// <summary>Whether the only failing OMD criterion is that there is no current metastatic disease (after a complete resection).</summary>
    private static bool NoCurrentDisease(ConsensusReport report) =>
        report.Oligometastatic is { Status: TriState.No } omd && omd.FailingCriteriaMessages.Count > 0
        && omd.FailingCriteriaMessages.All(m => m.Code == "omd.failing.no-current-disease");

    /// <summary>The fitness cautions (codes <c>preoperative-assessment.</c> on ECOG, ASA or an unassessed fitness) the applicable recommendations carry, once each.</summary>
    private static IEnumerable<string> FitnessCautions(ConsensusReport report) =>
        report.Results.Where(r => r.Status == Evaluation.EvaluationStatus.Applies && r.Recommendation.ReachedConsensus)
            .SelectMany(r => r.CautionMessages)
            .Concat(report.LiverResection?.CautionMessages ?? System.Array.Empty<Wording.Message>())
            .Where(c => c.Code is "preoperative-assessment.fitness-not-assessed" or "preoperative-assessment.ecog-not-good-caution" or "preoperative-assessment.asa-caution")
            .Select(c => c.Text)
            .Distinct();

    private static IReadOnlyList<string> Clean(IEnumerable<string?> lines) =>
        lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => Text.Clean(l)!).ToList();
}
