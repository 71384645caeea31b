using System;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.FocalTherapy;
using Sarcoma.Consensus.FollowUp;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The English words the HTML report shows for values of the library's enums, in one place (fixed headings and
/// sentences live in the templates). The sentences that explain a decision come from the report itself.
/// </summary>
internal static class Words
{
    public const string Title = "Liver metastases of soft-tissue sarcoma: consensus report";

    public const string NoConsensus = "No consensus — for information, not a recommendation";

    public const string Disclaimer =
        "Decision support for clinicians; not a substitute for the multidisciplinary tumour board. Most recommendations are "
        + "level V evidence (expert opinion): check every output against the patient and the paper.";

    public static string Status(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Applies => "Applies",
        EvaluationStatus.InsufficientData => "Needs facts",
        EvaluationStatus.DoesNotApply => "Does not apply",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>A glyph that repeats the status in shape, so it is not told by colour alone.</summary>
    public static string StatusGlyph(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Applies => "✓",
        EvaluationStatus.InsufficientData => "?",
        _ => "–",
    };

    public static string Consensus(ConsensusCategory category) => category switch
    {
        ConsensusCategory.Unanimous => "unanimous",
        ConsensusCategory.Strong => "strong",
        ConsensusCategory.Weak => "weak",
        _ => "not reached",
    };

    public static string YesNo(TriState value) => value switch
    {
        TriState.Yes => "yes",
        TriState.No => "no",
        _ => "unknown",
    };

    public static string Tone(TriState value) => value switch
    {
        TriState.Yes => "yes",
        TriState.No => "no",
        _ => "unknown",
    };

    public static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "not recorded",
    };

    public static string Timing(MetastasisTiming? timing) => timing switch
    {
        MetastasisTiming.Synchronous => "synchronous",
        MetastasisTiming.Metachronous => "metachronous",
        _ => "unknown",
    };

    public static string Candidate(TriState value) => value switch
    {
        TriState.Yes => "a candidate",
        TriState.No => "not a candidate",
        _ => "not yet known",
    };

    public static string FocalTherapy(FocalTherapyContraindicationStatus status) => status switch
    {
        FocalTherapyContraindicationStatus.AbsoluteContraindication => "absolute contraindication present",
        FocalTherapyContraindicationStatus.RelativeContraindication => "relative contraindication present",
        FocalTherapyContraindicationStatus.NoneRecorded => "no contraindication",
        _ => "not fully assessed",
    };

    public static string FocalTherapyTone(FocalTherapyContraindicationStatus status) => status switch
    {
        FocalTherapyContraindicationStatus.AbsoluteContraindication => "no",
        FocalTherapyContraindicationStatus.RelativeContraindication => "caution",
        FocalTherapyContraindicationStatus.NoneRecorded => "yes",
        _ => "unknown",
    };

    public static string Phase(FollowUpPhase phase) => phase switch
    {
        FollowUpPhase.FirstTwoYears => "Years 1–2: every 3–4 months",
        FollowUpPhase.ThroughYearFive => "Years 3–5: every 6 months",
        FollowUpPhase.Annual => "After year 5: annually",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown follow-up phase."),
    };

    public static string Standing(FollowUpVisitStanding? standing) => standing switch
    {
        FollowUpVisitStanding.Past => "past",
        FollowUpVisitStanding.Due => "due now",
        FollowUpVisitStanding.Upcoming => "upcoming",
        _ => "not placed",
    };

    public static string StandingCode(FollowUpVisitStanding? standing) => standing switch
    {
        FollowUpVisitStanding.Past => "past",
        FollowUpVisitStanding.Due => "due",
        FollowUpVisitStanding.Upcoming => "upcoming",
        _ => "unplaced",
    };
}
