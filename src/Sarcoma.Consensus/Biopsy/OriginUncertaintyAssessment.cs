using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Whether the origin of the liver lesions is uncertain: they might be something other than sarcoma metastases
/// (recommendation 3.1: "if the tumor origin is uncertain (e.g., long DFI, risk factors for hepatocellular carcinoma,
/// metachronous colorectal cancer)"; recommendation 4.2: "lesions of uncertain origin"; section 3.3: "the concern for
/// other histologies like liver metastases from carcinoma (e.g., colon cancer) or neuroendocrine tumors or primary
/// liver cancer (e.g., hepatocellular carcinoma) should be considered").
/// </summary>
/// <remarks>
/// <para>
/// Uncertain (<see cref="TriState.Yes"/>) when any of these holds: a disease-free interval of at least
/// <see cref="ConsensusOptions.LongDiseaseFreeIntervalMonths"/> calendar months (default 12), risk factors for
/// hepatocellular carcinoma, a history of colorectal cancer, or a history of another cancer. Not uncertain
/// (<see cref="TriState.No"/>) only when every one of those facts is known and none holds. Otherwise
/// <see cref="TriState.Unknown"/>, naming every missing fact; unknown is never read as "no".
/// </para>
/// <para>
/// The assessment describes the patient's history, not the lesions' site: callers decide whether liver lesions are
/// present. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class OriginUncertaintyAssessment
{
    /// <summary>The name under which the assessment appears in findings.</summary>
    public const string ConceptName = "derived.originUncertain";

    private OriginUncertaintyAssessment(TriState status, IReadOnlyList<string> reasons, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing)
    {
        Status = status;
        Reasons = reasons;
        Findings = findings;
        Missing = missing;
    }

    /// <summary>Gets whether the origin of the liver lesions is uncertain.</summary>
    public TriState Status { get; }

    /// <summary>Gets the reasons the origin is uncertain, as short phrases (non-empty when <see cref="Status"/> is <see cref="TriState.Yes"/>).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the findings: the verdict first, then one per fact checked (known or not).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets the facts that are not recorded. When <see cref="Status"/> is <see cref="TriState.Unknown"/> they are what
    /// prevented a decision; when it is <see cref="TriState.Yes"/> they did not change the verdict.
    /// </summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Assesses whether the origin of the liver lesions is uncertain.</summary>
    /// <param name="context">The evaluation context (the disease-free interval and the options are read from it).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static OriginUncertaintyAssessment Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var reasons = new List<string>();
        var findings = new List<Finding>();
        var missing = new List<string>();
        var threshold = context.Options.LongDiseaseFreeIntervalMonths;
        var thresholdText = threshold.ToString(CultureInfo.InvariantCulture);

        // Long DFI (3.1 example): at least the configured number of calendar months from primary diagnosis to detection.
        var dfi = context.DiseaseFreeInterval;
        switch (dfi.AtLeastMonths(threshold))
        {
            case true:
                reasons.Add($"a long disease-free interval of {dfi.Describe()} (at least {thresholdText} months)");
                findings.Add(new Finding(FactNames.MetastasesDetectedOn, dfi.CompletedMonths!.Value.ToString(CultureInfo.InvariantCulture), $"{dfi.Sentence()} That is a long DFI (at least {thresholdText} months): the liver lesions may be of another origin."));
                break;
            case false:
                findings.Add(new Finding(FactNames.MetastasesDetectedOn, dfi.CompletedMonths!.Value.ToString(CultureInfo.InvariantCulture), $"{dfi.Sentence()} Not a long DFI (less than {thresholdText} months)."));
                break;
            default:
                missing.AddRange(dfi.Missing);
                findings.Add(dfi.ToFinding(FactNames.MetastasesDetectedOn));
                break;
        }

        var origin = context.Patient.OriginUncertainty;
        Check(origin.HccRiskFactors, FactNames.HccRiskFactors, "risk factors for hepatocellular carcinoma");
        Check(origin.ColorectalCancerHistory, FactNames.ColorectalCancerHistory, "a history of colorectal cancer");
        Check(origin.OtherCancerHistory, FactNames.OtherCancerHistory, "a history of another cancer");

        var status = reasons.Count > 0 ? TriState.Yes : missing.Count > 0 ? TriState.Unknown : TriState.No;
        var verdict = status switch
        {
            TriState.Yes => "Origin of the liver lesions uncertain: " + JoinPhrases(reasons) + ".",
            TriState.No => $"No reason to doubt the sarcoma origin of the liver lesions: DFI under {thresholdText} months, no risk factors for hepatocellular carcinoma, no history of colorectal or other cancer.",
            _ => "Whether the origin of the liver lesions is uncertain is undetermined: " + string.Join(", ", missing) + " unknown.",
        };
        findings.Insert(0, new Finding(ConceptName, status.ToString().ToLowerInvariant(), verdict));
        return new OriginUncertaintyAssessment(status, reasons.ToArray(), findings.ToArray(), missing.ToArray());

        void Check(bool? value, string fact, string phrase)
        {
            switch (value)
            {
                case true:
                    reasons.Add(phrase);
                    findings.Add(new Finding(fact, "yes", $"The patient has {phrase}."));
                    break;
                case false:
                    findings.Add(new Finding(fact, "no", $"The patient has no {Without(phrase)}."));
                    break;
                default:
                    missing.Add(fact);
                    findings.Add(new Finding(fact, "unknown", $"Not recorded whether the patient has {phrase}."));
                    break;
            }
        }
    }

    /// <summary>Joins phrases as "a, b and c".</summary>
    /// <param name="phrases">The phrases.</param>
    /// <returns>The text.</returns>
    internal static string JoinPhrases(IReadOnlyList<string> phrases) =>
        phrases.Count <= 1
            ? string.Concat(phrases)
            : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[phrases.Count - 1];

    private static string Without(string phrase) =>
        phrase.StartsWith("a ", StringComparison.Ordinal) ? phrase.Substring(2) : phrase;
}
