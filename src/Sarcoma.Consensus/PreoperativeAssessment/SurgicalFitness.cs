using System;
using System.Collections.Generic;
using System.Globalization;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.PreoperativeAssessment;

/// <summary>
/// Whether the patient is fit for liver surgery, from the treating team's verdict (<c>clinical.fitForSurgery</c>), the
/// ECOG performance status and the ASA physical status class (recommendation 7.2: "assessment of comorbidities,
/// performance status, and ASA physical status"; sections 1 and 3.5: resection candidates have "good performance
/// status"; section 3.10: "medical comorbidities that preclude surgical resection" point to local therapies).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TriState.No"/> (unfit) when the patient is recorded unfit, or when ECOG is at or above
/// <see cref="ConsensusOptions.SurgeryPrecludingMinimumEcog"/> (default 3: in bed or chair for more than half the
/// waking day); both reasons are named when both hold. <see cref="TriState.Unknown"/> (not assessed) when neither a
/// verdict nor an ECOG status is recorded. Otherwise <see cref="TriState.Yes"/>, with a caution when ECOG is above
/// <see cref="ConsensusOptions.GoodPerformanceStatusMaximumEcog"/> (default: ECOG 2) or the ASA class is III or higher.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed class SurgicalFitness
{
    /// <summary>The lowest ASA physical status class that draws a caution: III, "a patient with severe systemic disease".</summary>
    public const int CautionMinimumAsaClass = 3;

    /// <summary>The name under which the assessment appears in findings.</summary>
    public const string ConceptName = "derived.surgicalFitness";

    private SurgicalFitness(TriState status, IReadOnlyList<string> unfitBecause, IReadOnlyList<Finding> findings, IReadOnlyList<string> cautions, IReadOnlyList<string> missing)
    {
        Status = status;
        UnfitBecause = unfitBecause;
        Findings = findings;
        Cautions = cautions;
        Missing = missing;
    }

    /// <summary>Gets the facts the assessment reads.</summary>
    public static IReadOnlyList<string> Requirements { get; } = new[] { FactNames.FitForSurgery, FactNames.Ecog, FactNames.AsaClass };

    /// <summary>Gets whether the patient is fit for liver surgery: yes, no (unfit), or unknown (not assessed).</summary>
    public TriState Status { get; }

    /// <summary>Gets why the patient is unfit, as lower-case clauses (non-empty exactly when <see cref="Status"/> is <see cref="TriState.No"/>).</summary>
    public IReadOnlyList<string> UnfitBecause { get; }

    /// <summary>Gets the findings: the fitness verdict, ECOG and ASA class as recorded.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the cautions every surgical recommendation carries: fitness not assessed, ECOG 2, ASA III or higher.</summary>
    public IReadOnlyList<string> Cautions { get; }

    /// <summary>Gets the facts missing to assess fitness (when <see cref="Status"/> is <see cref="TriState.Unknown"/>).</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Assesses fitness for liver surgery.</summary>
    /// <param name="clinical">The clinical status.</param>
    /// <param name="options">The options (ECOG thresholds).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SurgicalFitness Assess(ClinicalStatus clinical, ConsensusOptions options)
    {
        if (clinical is null)
        {
            throw new ArgumentNullException(nameof(clinical));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var unfit = new List<string>();
        var findings = new List<Finding>();
        var cautions = new List<string>();
        var precluding = options.SurgeryPrecludingMinimumEcog;
        var good = options.GoodPerformanceStatusMaximumEcog;

        switch (clinical.FitForSurgery)
        {
            case false:
                unfit.Add("the patient is recorded as unfit for surgery");
                findings.Add(new Finding(FactNames.FitForSurgery, "no", "The patient is recorded as unfit for major surgery."));
                break;
            case true:
                findings.Add(new Finding(FactNames.FitForSurgery, "yes", "The patient is recorded as fit for major surgery."));
                break;
        }

        if (clinical.Ecog is { } ecog)
        {
            var text = Text(ecog);
            if (ecog >= precluding)
            {
                unfit.Add($"ECOG performance status {text} precludes surgery (ECOG {Text(precluding)} or higher: this library's reading; the paper asks for good performance status)");
                findings.Add(new Finding(FactNames.Ecog, text, $"ECOG performance status {text}: at or above ECOG {Text(precluding)}, a performance status that precludes liver surgery"
                    + (clinical.FitForSurgery == true ? ", although the patient is recorded as fit for surgery: check both." : ".")));
            }
            else if (ecog > good)
            {
                findings.Add(new Finding(FactNames.Ecog, text, $"ECOG performance status {text}: not a good performance status (ECOG 0–{Text(good)}, as read here)."));
                cautions.Add($"ECOG performance status {text}: the guideline selects candidates for liver resection \"particularly\" with good performance status (section 1; 9.1 for a new resection); weigh it in the preoperative assessment (7.2).");
            }
            else
            {
                findings.Add(new Finding(FactNames.Ecog, text, $"ECOG performance status {text}: good performance status (ECOG 0–{Text(good)}, as read here)."));
            }
        }

        if (clinical.AsaClass is { } asa && asa >= CautionMinimumAsaClass)
        {
            var roman = Roman(asa);
            findings.Add(new Finding(FactNames.AsaClass, Text(asa), $"ASA physical status {roman}."));
            cautions.Add($"ASA physical status {roman} (ASA III or higher: severe systemic disease): the anaesthetic risk of liver surgery is to be weighed in the preoperative assessment (7.2) and by the tumour board against the expected benefits (5.1)"
                + (clinical.SignificantComorbidities == false ? "; no significant comorbidity is recorded, which ASA III or higher contradicts: check both." : "."));
        }

        TriState status;
        var missing = Array.Empty<string>();
        if (unfit.Count > 0)
        {
            status = TriState.No;
        }
        else if (clinical.FitForSurgery is null && clinical.Ecog is null)
        {
            status = TriState.Unknown;
            missing = new[] { FactNames.FitForSurgery, FactNames.Ecog };
            cautions.Insert(0, "Fitness for surgery has not been assessed (neither a fitness verdict nor an ECOG performance status is recorded): 7.2 asks for an assessment of comorbidities, performance status and ASA physical status before a liver resection.");
        }
        else
        {
            status = TriState.Yes;
        }

        var verdict = status switch
        {
            TriState.No => "Not fit for liver surgery: " + FactProse.JoinPhrases(unfit) + ".",
            TriState.Unknown => "Fitness for liver surgery not assessed: " + FactProse.NotRecorded(missing) + ".",
            _ => "Nothing recorded precludes liver surgery on grounds of fitness.",
        };
        findings.Insert(0, new Finding(ConceptName, status.ToString().ToLowerInvariant(), verdict));
        return new SurgicalFitness(status, unfit.ToArray(), findings.ToArray(), cautions.ToArray(), missing);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int asa) => asa switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        _ => "VI",
    };
}
