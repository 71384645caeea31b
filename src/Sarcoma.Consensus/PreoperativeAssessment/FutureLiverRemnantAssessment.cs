using System;
using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

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
/// adequate, below it inadequate. After extensive chemotherapy: below
/// <see cref="ConsensusOptions.ChemotherapyLiverMinimumFlrPercent"/> (30 %) inadequate (this library's reading: section
/// 3.7 only says that 30–40 % needs thorough evaluation, and the sentences say so); from it up to and including
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

    private const string HypertrophyTechniques =
        "portal vein embolisation, hepatic vein deprivation, or associating liver partition and portal vein ligation for staged hepatectomy (ALPPS)";

    private const string Hypertrophy = "liver hypertrophy techniques could be considered before resection: " + HypertrophyTechniques;

    /// <summary>Labels the reading that an FLR below the post-chemotherapy floor is inadequate: section 3.7 does not say so.</summary>
    private const string LibraryReading = "by this library's reading of section 3.7 (see docs/clinical-decisions.md)";

    private const string Prophylactic = "prophylactic liver hypertrophy techniques could be considered: " + HypertrophyTechniques;

    private FutureLiverRemnantAssessment(
        FutureLiverRemnantVerdict verdict,
        LiverBackground background,
        decimal? percent,
        string sentence,
        string? caution,
        string conclusion,
        IReadOnlyList<string> toComplete,
        IReadOnlyList<Finding> findings)
    {
        Verdict = verdict;
        Background = background;
        Percent = percent;
        Sentence = sentence;
        Caution = caution;
        Conclusion = conclusion;
        ToComplete = toComplete.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
    }

    /// <summary>Gets the verdict.</summary>
    public FutureLiverRemnantVerdict Verdict { get; }

    /// <summary>Gets which thresholds were applied.</summary>
    public LiverBackground Background { get; }

    /// <summary>Gets the estimated standardised FLR in percent, when recorded.</summary>
    public decimal? Percent { get; }

    /// <summary>Gets one sentence stating the verdict and the threshold it came from.</summary>
    public string Sentence { get; }

    /// <summary>Gets a caution for the clinician (inadequate, needs evaluation, not measured, or judged on unknown history), or <see langword="null"/> when the FLR is adequate on known facts.</summary>
    public string? Caution { get; }

    /// <summary>Gets the verdict as a lower-case clause for a summary ("the estimated remnant is adequate for a normal liver"); with the chemotherapy history unknown and the two readings differing, it gives both.</summary>
    public string Conclusion { get; }

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
        string n = P(normal), f = P(floor), c = P(ceiling);
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
        // needs thorough evaluation; reading below 30 % as inadequate is this library's, and every sentence says so.
        var evaluationBand = $"{f}–{c}% needs thorough evaluation for underlying liver dysfunction (section 3.7)";
        var belowFloor = $"below {f}% is inadequate {LibraryReading}";
        var history = background switch
        {
            LiverBackground.Normal => new Finding(FactNames.ExtensivePriorChemotherapy, "no", $"No extensive prior chemotherapy: the normal-liver cutoff ({n}%, section 3.7) applies."),
            LiverBackground.AfterExtensiveChemotherapy => new Finding(FactNames.ExtensivePriorChemotherapy, "yes", $"Extensive prior chemotherapy: {evaluationBand}; {belowFloor}."),
            _ => new Finding(
                FactNames.ExtensivePriorChemotherapy,
                "unknown",
                $"Whether the patient had extensive prior chemotherapy is not recorded: with a normal liver the cutoff is {n}%; after extensive chemotherapy {evaluationBand} and {belowFloor}. Until it is recorded, the verdict follows the stricter reading."),
        };

        if (plan.FutureLiverRemnantPercent is not { } flr)
        {
            toComplete.Insert(0, FactNames.FutureLiverRemnantPercent);
            var thresholds = background switch
            {
                LiverBackground.Normal => $"adequate from {n}% for a normal liver",
                LiverBackground.AfterExtensiveChemotherapy => $"after extensive chemotherapy, {evaluationBand}, and {belowFloor}",
                _ => $"adequate from {n}% for a normal liver; if the patient has had extensive chemotherapy, {evaluationBand}, and {belowFloor}",
            };
            return Done(
                FutureLiverRemnantVerdict.NotMeasured,
                null,
                $"The future liver remnant has not been measured yet: {thresholds}.",
                "Measure the estimated standardised future liver remnant before the major hepatectomy (section 3.7).",
                "the remnant has not been measured yet");
        }

        var p = P(flr);
        switch (background)
        {
            case LiverBackground.Normal:
                return flr >= normal
                    ? Done(FutureLiverRemnantVerdict.Adequate, flr, $"Estimated standardised FLR {p}%: adequate for a normal liver (cutoff in the range of {n}%, section 3.7).", null, "the estimated remnant is adequate for a normal liver")
                    : Done(
                        FutureLiverRemnantVerdict.Inadequate,
                        flr,
                        $"Estimated standardised FLR {p}%: below the {n}% cutoff for a normal liver (section 3.7), inadequate.",
                        $"The future liver remnant ({p}%) is below the {n}% cutoff for a normal liver: resection as planned risks postoperative liver failure; {Hypertrophy}.",
                        $"the estimated remnant is below the {n}% cutoff for a normal liver, inadequate");

            case LiverBackground.AfterExtensiveChemotherapy:
                if (flr < floor)
                {
                    return Done(
                        FutureLiverRemnantVerdict.Inadequate,
                        flr,
                        $"Estimated standardised FLR {p}% after extensive chemotherapy: below {f}%, inadequate {LibraryReading}.",
                        $"The future liver remnant ({p}%) after extensive chemotherapy is below {f}%: section 3.7 only says that {f}–{c}% needs thorough evaluation, and reading below {f}% as inadequate is this library's (see docs/clinical-decisions.md); {Hypertrophy}.",
                        $"the estimated remnant is below {f}% after extensive chemotherapy, inadequate {LibraryReading}");
                }

                if (flr <= ceiling)
                {
                    return Done(
                        FutureLiverRemnantVerdict.NeedsEvaluation,
                        flr,
                        $"Estimated standardised FLR {p}% after extensive chemotherapy: within {f}–{c}%, needs thorough evaluation for underlying liver dysfunction (section 3.7).",
                        $"With a future liver remnant of {p}% (within {f}–{c}%) after extensive chemotherapy, the patient should be thoroughly evaluated for underlying liver dysfunction; {Prophylactic}.",
                        "the estimated remnant needs thorough evaluation for underlying liver dysfunction");
                }

                return Done(FutureLiverRemnantVerdict.Adequate, flr, $"Estimated standardised FLR {p}% after extensive chemotherapy: above {c}%, adequate (section 3.7).", null, "the estimated remnant is adequate");

            default:
                if (flr < normal)
                {
                    return Done(
                        FutureLiverRemnantVerdict.Inadequate,
                        flr,
                        $"Estimated standardised FLR {p}%: below {n}%, inadequate whatever the chemotherapy history (section 3.7).",
                        $"The future liver remnant ({p}%) is below {n}%, inadequate even for a normal liver; {Hypertrophy}.",
                        $"the estimated remnant is below {n}%, inadequate whatever the chemotherapy history");
                }

                if (flr > ceiling)
                {
                    return Done(FutureLiverRemnantVerdict.Adequate, flr, $"Estimated standardised FLR {p}%: above {c}%, adequate whatever the chemotherapy history (section 3.7).", null, "the estimated remnant is adequate whatever the chemotherapy history");
                }

                // The two readings differ: adequate for a normal liver, not after extensive chemotherapy. Both are given;
                // the verdict is the stricter one, never the reassuring one.
                const string Record = "The chemotherapy history is not recorded: record whether the patient had extensive prior chemotherapy.";
                var normalReading = $"with a normal liver it is adequate (≥ {n}%, section 3.7)";
                if (flr < floor)
                {
                    return Done(
                        FutureLiverRemnantVerdict.Inadequate,
                        flr,
                        $"Estimated standardised FLR {p}%, chemotherapy history not recorded: if the patient has had extensive chemotherapy, it is below {f}% and inadequate {LibraryReading}; {normalReading}.",
                        $"If the patient has had extensive chemotherapy, the future liver remnant ({p}%) is below {f}%, inadequate {LibraryReading}; {normalReading}. {Record} If it is inadequate, {Hypertrophy}.",
                        $"if the patient has had extensive chemotherapy, the estimated remnant is inadequate {LibraryReading}; with a normal liver it is adequate (the chemotherapy history is not recorded)");
                }

                return Done(
                    FutureLiverRemnantVerdict.NeedsEvaluation,
                    flr,
                    $"Estimated standardised FLR {p}%, chemotherapy history not recorded: if the patient has had extensive chemotherapy, it is within {f}–{c}% and needs thorough evaluation for underlying liver dysfunction (section 3.7); {normalReading}.",
                    $"If the patient has had extensive chemotherapy, a future liver remnant of {p}% (within {f}–{c}%) calls for thorough evaluation for underlying liver dysfunction; {normalReading}. {Record} After extensive chemotherapy, {Prophylactic}.",
                    "if the patient has had extensive chemotherapy, the estimated remnant needs thorough evaluation for underlying liver dysfunction; with a normal liver it is adequate (the chemotherapy history is not recorded)");
        }

        FutureLiverRemnantAssessment Done(FutureLiverRemnantVerdict verdict, decimal? percent, string sentence, string? caution, string conclusion)
        {
            var findings = new[] { new Finding(ConceptName, CodeOf(verdict), sentence), history };
            return new FutureLiverRemnantAssessment(verdict, background, percent, sentence, caution, conclusion, toComplete.ToArray(), findings);
        }
    }

    private static string CodeOf(FutureLiverRemnantVerdict verdict) => verdict switch
    {
        FutureLiverRemnantVerdict.Adequate => "adequate",
        FutureLiverRemnantVerdict.NeedsEvaluation => "needs-evaluation",
        FutureLiverRemnantVerdict.Inadequate => "inadequate",
        _ => "not-measured",
    };

    private static string P(decimal percent) => ResultBuilder.Format(percent);
}
