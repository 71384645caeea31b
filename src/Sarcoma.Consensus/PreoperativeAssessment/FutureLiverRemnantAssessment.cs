using System;
using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>The verdict on an estimated standardised future liver remnant (FLR).</summary>
public enum FutureLiverRemnantVerdict
{
    /// <summary>Adequate: at or above the normal-liver cutoff, or above the evaluation band after extensive chemotherapy.</summary>
    Adequate,

    /// <summary>After extensive chemotherapy, within the evaluation band (30–40 % by default): evaluate thoroughly for underlying liver dysfunction; prophylactic hypertrophy techniques could be considered.</summary>
    NeedsEvaluation,

    /// <summary>Below the applicable floor: inadequate; liver hypertrophy techniques could be considered before resection.</summary>
    Inadequate,

    /// <summary>The FLR has not been measured (recorded) yet.</summary>
    NotMeasured,
}

/// <summary>Which thresholds apply to the FLR: a normal liver's, a liver after extensive chemotherapy, or unknown.</summary>
internal enum LiverBackground
{
    /// <summary>No extensive prior chemotherapy: the normal-liver cutoff applies.</summary>
    Normal,

    /// <summary>Extensive prior chemotherapy: the stricter floor and the evaluation band apply.</summary>
    AfterExtensiveChemotherapy,

    /// <summary>The chemotherapy history is not recorded: judged by the stricter (post-chemotherapy) thresholds.</summary>
    ChemotherapyHistoryUnknown,
}

/// <summary>
/// The adequacy of the estimated standardised future liver remnant before a major hepatectomy (section 3.7,
/// recommendation 7.1). A normal liver: FLR ≥ <see cref="ConsensusOptions.NormalLiverMinimumFlrPercent"/> (25 %) is
/// adequate, below it inadequate. After extensive chemotherapy: below the normal-liver cutoff inadequate (section 3.7
/// itself); from that cutoff up to <see cref="ConsensusOptions.ChemotherapyLiverMinimumFlrPercent"/> (30 %) inadequate
/// (this library's reading: section 3.7 only says that 30–40 % needs thorough evaluation, and the sentences say so);
/// from it up to and including
/// <see cref="ConsensusOptions.ChemotherapyLiverEvaluationCeilingFlrPercent"/> (40 %) the patient needs thorough
/// evaluation for underlying liver dysfunction and prophylactic hypertrophy techniques could be considered; above it
/// adequate. When the chemotherapy history is unknown: the two readings agree below the normal-liver cutoff and above
/// the evaluation band; where they differ, both are given conditionally ("if the patient has had extensive
/// chemotherapy …; with a normal liver …") and the verdict code is the stricter one, never the reassuring one.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class FutureLiverRemnantAssessment
{
    /// <summary>The name under which the assessment appears in findings.</summary>
    public const string ConceptName = "derived.futureLiverRemnant";

    private const string Area = "preoperative-assessment.flr-";

    private FutureLiverRemnantAssessment(
        FutureLiverRemnantVerdict verdict,
        LiverBackground background,
        decimal? percent,
        Message sentence,
        Message? caution,
        Message conclusion,
        IReadOnlyList<string> toComplete,
        IReadOnlyList<Finding> findings)
    {
        Verdict = verdict;
        Background = background;
        Percent = percent;
        SentenceMessage = sentence;
        CautionMessage = caution;
        ConclusionMessage = conclusion;
        ToComplete = toComplete.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
    }

    /// <summary>Gets the verdict.</summary>
    public FutureLiverRemnantVerdict Verdict { get; }

    /// <summary>Gets which thresholds were applied.</summary>
    public LiverBackground Background { get; }

    /// <summary>Gets the estimated standardised FLR in percent, when recorded.</summary>
    public decimal? Percent { get; }

    /// <summary>Gets one sentence stating the verdict and the threshold it came from, as a message.</summary>
    public Message SentenceMessage { get; }

    /// <summary>Gets <see cref="SentenceMessage"/> rendered in English.</summary>
    public string Sentence => SentenceMessage.Text;

    /// <summary>Gets a caution for the clinician (inadequate, needs evaluation, not measured, or judged on unknown history) as a message, or <see langword="null"/> when the FLR is adequate on known facts.</summary>
    public Message? CautionMessage { get; }

    /// <summary>Gets <see cref="CautionMessage"/> rendered in English, or <see langword="null"/>.</summary>
    public string? Caution => CautionMessage?.Text;

    /// <summary>Gets the verdict as a message worded as a lower-case clause for a summary ("the estimated remnant is adequate for a normal liver"); with the chemotherapy history unknown and the two readings differing, it gives both.</summary>
    public Message ConclusionMessage { get; }

    /// <summary>Gets <see cref="ConclusionMessage"/> rendered in English.</summary>
    public string Conclusion => ConclusionMessage.Text;

    /// <summary>Gets the facts to complete before surgery (the FLR and/or the chemotherapy history), not missing facts: the assessment is made regardless.</summary>
    public IReadOnlyList<string> ToComplete { get; }

    /// <summary>Gets the findings: the verdict first, then the chemotherapy history.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the verdict's code: <c>adequate</c>, <c>needs-evaluation</c>, <c>inadequate</c> or <c>not-measured</c>.</summary>
    public string Code => CodeOf(Verdict);

    /// <summary>Assesses the FLR of a liver-surgery plan.</summary>
    /// <param name="plan">The plan (FLR and chemotherapy history).</param>
    /// <param name="options">The thresholds.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static FutureLiverRemnantAssessment Assess(LiverSurgeryPlan plan, ConsensusOptions options)
    {
        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var normal = options.NormalLiverMinimumFlrPercent;
        var floor = options.ChemotherapyLiverMinimumFlrPercent;
        var ceiling = options.ChemotherapyLiverEvaluationCeilingFlrPercent;
        var background = plan.ExtensivePriorChemotherapy switch
        {
            false => LiverBackground.Normal,
            true => LiverBackground.AfterExtensiveChemotherapy,
            _ => LiverBackground.ChemotherapyHistoryUnknown,
        };
        var toComplete = new List<string>();
        if (plan.ExtensivePriorChemotherapy is null)
        {
            toComplete.Add(FactNames.ExtensivePriorChemotherapy);
        }

        // Section 3.7 gives the normal-liver cutoff (~25 %) and says that after extensive chemotherapy an FLR of 30–40 %
        // needs thorough evaluation. Below 25 % is inadequate by the paper whatever the history; reading 25–30 % after
        // extensive chemotherapy as inadequate is this library's, and those sentences say so.
        var flr = plan.FutureLiverRemnantPercent;
        var history = background switch
        {
            LiverBackground.Normal => new Finding(FactNames.ExtensivePriorChemotherapy, "no", Worded("history-normal")),
            LiverBackground.AfterExtensiveChemotherapy => new Finding(FactNames.ExtensivePriorChemotherapy, "yes", Worded("history-extensive")),
            _ => new Finding(FactNames.ExtensivePriorChemotherapy, "unknown", Worded("history-unknown")),
        };

        if (flr is not { } percent)
        {
            toComplete.Insert(0, FactNames.FutureLiverRemnantPercent);
            var thresholds = background switch
            {
                LiverBackground.Normal => "not-measured-normal",
                LiverBackground.AfterExtensiveChemotherapy => "not-measured-extensive",
                _ => "not-measured-unknown",
            };
            return Done(FutureLiverRemnantVerdict.NotMeasured, thresholds, Worded("not-measured-caution"), Worded("not-measured-conclusion"), null, null);
        }

        switch (background)
        {
            case LiverBackground.Normal:
                return percent >= normal
                    ? Reading(FutureLiverRemnantVerdict.Adequate, "normal-adequate", "≥", normal)
                    : Reading(FutureLiverRemnantVerdict.Inadequate, "normal-inadequate", "<", normal);

            case LiverBackground.AfterExtensiveChemotherapy:
                // Below the normal-liver cutoff the paper itself makes the remnant inadequate, chemotherapy or not; only
                // the stretch from that cutoff up to the floor is this library's reading.
                return percent < normal ? Reading(FutureLiverRemnantVerdict.Inadequate, "extensive-inadequate-below-normal", "<", normal)
                    : percent < floor ? Reading(FutureLiverRemnantVerdict.Inadequate, "extensive-inadequate", "<", floor)
                    : percent <= ceiling ? Reading(FutureLiverRemnantVerdict.NeedsEvaluation, "extensive-needs-evaluation", "≤", ceiling)
                    : Reading(FutureLiverRemnantVerdict.Adequate, "extensive-adequate", ">", ceiling);

            default:
                // Between the normal-liver cutoff and the evaluation ceiling the two readings differ: adequate for a normal
                // liver, not after extensive chemotherapy. Both are given; the verdict is the stricter one, never the
                // reassuring one.
                return percent < normal ? Reading(FutureLiverRemnantVerdict.Inadequate, "unknown-inadequate", "<", normal)
                    : percent > ceiling ? Reading(FutureLiverRemnantVerdict.Adequate, "unknown-adequate", ">", ceiling)
                    : percent < floor ? Reading(FutureLiverRemnantVerdict.Inadequate, "unknown-inadequate-if-extensive", "<", floor)
                    : Reading(FutureLiverRemnantVerdict.NeedsEvaluation, "unknown-needs-evaluation-if-extensive", "≤", ceiling);
        }

        // A reading's sentence, caution (none when adequate) and conclusion are "<reading>", "<reading>-caution" and
        // "<reading>-conclusion" in the catalogue.
        FutureLiverRemnantAssessment Reading(FutureLiverRemnantVerdict verdict, string reading, string comparison, decimal threshold) => Done(
            verdict,
            reading,
            verdict == FutureLiverRemnantVerdict.Adequate ? null : Worded(reading + "-caution"),
            Worded(reading + "-conclusion"),
            comparison,
            threshold);

        FutureLiverRemnantAssessment Done(FutureLiverRemnantVerdict verdict, string reading, Message? caution, Message conclusion, string? comparison, decimal? threshold)
        {
            var sentence = Worded(reading);
            var finding = new Finding(ConceptName, CodeOf(verdict), sentence, comparison, threshold is { } t ? ResultBuilder.Format(t) + " %" : null, comparison is null ? null : "section 3.7");
            return new FutureLiverRemnantAssessment(verdict, background, flr, sentence, caution, conclusion, toComplete.ToArray(), new[] { finding, history });
        }

        Message Worded(string key) => Message.Of(Area + key, ("percent", flr), ("normal", normal), ("floor", floor), ("ceiling", ceiling));
    }

    private static string CodeOf(FutureLiverRemnantVerdict verdict) => verdict switch
    {
        FutureLiverRemnantVerdict.Adequate => "adequate",
        FutureLiverRemnantVerdict.NeedsEvaluation => "needs-evaluation",
        FutureLiverRemnantVerdict.Inadequate => "inadequate",
        _ => "not-measured",
    };
}
