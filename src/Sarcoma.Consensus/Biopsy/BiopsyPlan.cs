using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Whether a biopsy of the liver lesions could be considered, and how it should be taken (section 3.3,
/// recommendations 3.1–3.3).
/// </summary>
/// <remarks>
/// <para>
/// Biopsy is never mandatory (3.1). It could be considered (<see cref="Consider"/> = <see cref="TriState.Yes"/>) when
/// liver lesions are present and either their origin is uncertain (<see cref="OriginUncertaintyAssessment"/>) or a
/// preoperative (induction) systemic treatment is proposed (<c>treatment.inductionTherapyPlanned</c>; 3.1, and for
/// synchronous OMD the section 3.3 narrative: "if induction systemic treatment is planned … a biopsy could provide a
/// diagnostic confirmation"). <see cref="TriState.No"/> when no liver lesion is recorded among known lesions, or when the
/// origin is known not to be uncertain and no induction therapy is proposed. <see cref="TriState.Unknown"/> otherwise.
/// </para>
/// <para>
/// Whenever a biopsy is done, 3.3 asks for at least four large-gauge (14–16 G) cores; section 3.3 prefers image-guided
/// percutaneous core needle biopsy over fine needle aspiration cytology (<see cref="CoreRequirement"/>).
/// Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class BiopsyPlan
{
    /// <summary>The name under which the plan appears in findings.</summary>
    public const string ConceptName = "derived.biopsyConsidered";

    // Recommendation 3.3: "A minimum of four large-gauge cores (14–16 G)". Fixed by the voted text, not an option.
    private const int MinimumCores = 4;
    private const int LargestGaugeNumber = 14;
    private const int SmallestGaugeNumber = 16;

    private BiopsyPlan(TriState consider, IReadOnlyList<string> reasons, OriginUncertaintyAssessment origin, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Consider = consider;
        Reasons = reasons;
        OriginUncertainty = origin;
        Findings = findings;
        Missing = missing;
    }

    /// <summary>
    /// Gets the sampling requirement that holds whenever a liver biopsy is done: image-guided percutaneous core needle
    /// biopsy in preference to fine needle aspiration cytology (section 3.3 narrative), with at least four large-gauge
    /// 14–16 G cores (recommendation 3.3).
    /// </summary>
    public static string CoreRequirement { get; } = string.Format(
        CultureInfo.InvariantCulture,
        "If a liver biopsy is done: at least four large-gauge cores ({0}–{1} G) to ensure adequate tissue sampling (recommendation 3.3), by image-guided percutaneous core needle biopsy rather than fine needle aspiration cytology, which also allows histology, grade and molecular studies such as NGS (section 3.3).",
        LargestGaugeNumber,
        SmallestGaugeNumber);

    /// <summary>Gets the smallest number of cores recommended (3.3: four).</summary>
    public static int MinimumCoreCount => MinimumCores;

    /// <summary>Gets the gauge range recommended for the cores, as text (3.3: "14–16 G").</summary>
    public static string GaugeRange { get; } = string.Format(CultureInfo.InvariantCulture, "{0}–{1} G", LargestGaugeNumber, SmallestGaugeNumber);

    /// <summary>Gets whether a liver biopsy could be considered. Never "mandatory": 3.1 says it should not be.</summary>
    public TriState Consider { get; }

    /// <summary>Gets the reasons to consider a biopsy, as short phrases (non-empty when <see cref="Consider"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the assessment of whether the origin of the liver lesions is uncertain.</summary>
    public OriginUncertaintyAssessment OriginUncertainty { get; }

    /// <summary>Gets the findings: the verdict first, then the facts checked.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets the facts that are not recorded. When <see cref="Consider"/> is <see cref="TriState.Unknown"/> they are what
    /// prevented a decision; when it is <see cref="TriState.Yes"/> they did not change it.
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Assesses whether a liver biopsy could be considered.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static BiopsyPlan Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var origin = OriginUncertaintyAssessment.Assess(context);
        var findings = new List<Finding>();
        var missing = new List<string>();
        var reasons = new List<string>();

        var induction = context.Patient.Treatment.InductionTherapyPlanned;
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
            if (origin.Status != TriState.Yes && induction != true)
            {
                // Even with liver lesions recorded, these facts would still be needed to decide.
                missing.AddRange(origin.Missing);
                if (induction is null)
                {
                    missing.Add(FactNames.InductionTherapyPlanned);
                }
            }

            return Done(TriState.Unknown, "No metastatic lesion is recorded, so whether a liver biopsy could be considered is unknown.");
        }

        if (!hasLiver)
        {
            findings.Add(context.NoLiverMetastasisFinding);
            return Done(TriState.No, "No liver lesion is recorded: a liver biopsy is not on the table.");
        }

        var count = context.LiverLesions.Count;
        findings.Add(new Finding(FactNames.LesionSite, count.ToString(CultureInfo.InvariantCulture), $"{count.ToString(CultureInfo.InvariantCulture)} liver {(count == 1 ? "lesion" : "lesions")} recorded."));
        findings.AddRange(origin.Findings);
        if (origin.Status == TriState.Yes)
        {
            reasons.Add("the tumour origin is uncertain, given " + OriginUncertaintyAssessment.JoinPhrases(origin.Reasons));
        }

        switch (induction)
        {
            case true:
                reasons.Add("a preoperative (induction) systemic treatment is proposed");
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "yes", "Induction (preoperative) systemic therapy is planned or proposed."));
                break;
            case false:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "no", "No induction (preoperative) systemic therapy is proposed."));
                break;
            default:
                findings.Add(new Finding(FactNames.InductionTherapyPlanned, "unknown", "Not recorded whether induction (preoperative) systemic therapy is proposed."));
                break;
        }

        missing.AddRange(origin.Missing);
        if (induction is null)
        {
            missing.Add(FactNames.InductionTherapyPlanned);
        }

        if (reasons.Count > 0)
        {
            return Done(TriState.Yes, "A liver biopsy could be considered: " + string.Join("; and ", reasons) + ".");
        }

        if (origin.Status == TriState.No && induction == false)
        {
            return Done(TriState.No, "No reason to consider a liver biopsy: the origin is not in doubt and no preoperative systemic treatment is proposed.");
        }

        return Done(TriState.Unknown, "Whether a liver biopsy could be considered is undetermined: " + string.Join(", ", missing) + " unknown.");

        BiopsyPlan Done(TriState consider, string verdict)
        {
            findings.Insert(0, new Finding(ConceptName, consider.ToString().ToLowerInvariant(), verdict));
            return new BiopsyPlan(consider, reasons.ToArray(), origin, findings.ToArray(), missing.Distinct(StringComparer.Ordinal).ToArray());
        }
    }
}
