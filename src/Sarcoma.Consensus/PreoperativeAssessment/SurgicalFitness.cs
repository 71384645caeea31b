using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

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

    private SurgicalFitness(TriState status, IReadOnlyList<Message> unfitBecause, IReadOnlyList<Finding> findings, IReadOnlyList<Message> cautions, IReadOnlyList<string> missing)
    {
        Status = status;
        UnfitBecauseMessages = unfitBecause.ToReadOnlyList();
        Findings = findings.ToReadOnlyList();
        CautionMessages = cautions.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    /// <summary>Gets the facts the assessment reads.</summary>
    public static IReadOnlyList<string> Requirements { get; } = new[] { FactNames.FitForSurgery, FactNames.Ecog, FactNames.AsaClass };

    /// <summary>Gets whether the patient is fit for liver surgery: yes, no (unfit), or unknown (not assessed).</summary>
    public TriState Status { get; }

    /// <summary>Gets why the patient is unfit, as messages worded as lower-case clauses (non-empty exactly when <see cref="Status"/> is <see cref="TriState.No"/>).</summary>
    public IReadOnlyList<Message> UnfitBecauseMessages { get; }

    /// <summary>Gets <see cref="UnfitBecauseMessages"/> rendered in English, as lower-case clauses.</summary>
    public IReadOnlyList<string> UnfitBecause => unfitBecauseTexts ??= UnfitBecauseMessages.Select(m => m.Text).ToReadOnlyList();

    // Rendered on first read only (wording is deferred to rendering).
    private IReadOnlyList<string>? unfitBecauseTexts;
    private IReadOnlyList<string>? cautionTexts;

    /// <summary>Gets the findings: the fitness verdict, ECOG and ASA class as recorded.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the cautions every surgical recommendation carries, as messages: fitness not assessed, ECOG above the good performance status, ASA III or higher.</summary>
    public IReadOnlyList<Message> CautionMessages { get; }

    /// <summary>Gets <see cref="CautionMessages"/> rendered in English.</summary>
    public IReadOnlyList<string> Cautions => cautionTexts ??= CautionMessages.Select(m => m.Text).ToReadOnlyList();

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

        // Working lists reused per thread (the assessment keeps exact copies).
        var unfit = ScratchList<Message>.Rent();
        var findings = ScratchList<Finding>.Rent();
        var cautions = ScratchList<Message>.Rent();
        var precluding = options.SurgeryPrecludingMinimumEcog;
        var good = options.GoodPerformanceStatusMaximumEcog;

        switch (clinical.FitForSurgery)
        {
            case false:
                unfit.Add(UnfitRecordedMessage);
                findings.Add(RecordedUnfitFinding);
                break;
            case true:
                findings.Add(RecordedFitFinding);
                break;
        }

        if (clinical.Ecog is { } ecog)
        {
            var text = Text(ecog);
            if (ecog >= precluding)
            {
                unfit.Add(Message.Of("preoperative-assessment.ecog-precludes-surgery", ("ecog", ecog), ("precluding", precluding)));
                findings.Add(new Finding(
                    FactNames.Ecog,
                    text,
                    Message.Of("preoperative-assessment.ecog-precluding", ("ecog", ecog), ("precluding", precluding), ("recordedFit", clinical.FitForSurgery == true)),
                    "≥",
                    "ECOG " + Text(precluding),
                    PrecludingEcogSource));
            }
            else
            {
                findings.Add(PerformanceStatusFinding(ecog, good));
                if (ecog > good)
                {
                    cautions.Add(Message.Of("preoperative-assessment.ecog-not-good-caution", ("ecog", ecog)));
                }
            }
        }

        if (clinical.AsaClass is { } asa && asa >= CautionMinimumAsaClass)
        {
            findings.Add(new Finding(FactNames.AsaClass, Text(asa), Message.Of("preoperative-assessment.asa", ("asa", asa)), "≥", "ASA III", "7.2"));
            cautions.Add(Message.Of("preoperative-assessment.asa-caution", ("asa", asa), ("noComorbidityRecorded", clinical.SignificantComorbidities == false)));
        }

        TriState status;
        var missing = ReadOnlyValueList<string>.None;
        if (unfit.Count > 0)
        {
            status = TriState.No;
        }
        else if (clinical.FitForSurgery is null && clinical.Ecog is null)
        {
            status = TriState.Unknown;
            missing = NotAssessedMissing;
            cautions.Insert(0, NotAssessedCautionMessage);
        }
        else
        {
            status = TriState.Yes;
        }

        var unfitList = ReadOnlyValueList<Message>.CopyOf(unfit);
        var cautionList = ReadOnlyValueList<Message>.CopyOf(cautions);
        var allFindings = new Finding[findings.Count + 1];
        allFindings[0] = status switch
        {
            TriState.No => new Finding(ConceptName, status.Code(), Message.Of("preoperative-assessment.fitness-unfit", ("reasons", unfitList))),
            TriState.Unknown => new Finding(ConceptName, status.Code(), Message.Of("preoperative-assessment.fitness-not-assessed-verdict", ("notRecorded", FactProse.NotRecordedMessage(missing)))),
            _ => NothingPrecludesFinding,
        };
        findings.CopyTo(allFindings, 1);
        ScratchList<Message>.Return(unfit);
        ScratchList<Finding>.Return(findings);
        ScratchList<Message>.Return(cautions);
        return new SurgicalFitness(status, unfitList, ReadOnlyValueList<Finding>.Wrap(allFindings), cautionList, missing);
    }

    /// <summary>Where the ECOG threshold that precludes surgery comes from (this library's reading).</summary>
    /// <summary>
    /// The reading of an ECOG performance status against "good performance status" (9.1; sections 1, 3.5): one finding,
    /// one message code (<c>preoperative-assessment.ecog-good</c> or <c>.ecog-not-good</c>), whichever section records it,
    /// so the same fact is stated once.
    /// </summary>
    /// <param name="ecog">The ECOG performance status (0–5).</param>
    /// <param name="good">The highest ECOG counted as good (<see cref="ConsensusOptions.GoodPerformanceStatusMaximumEcog"/>).</param>
    /// <returns>The finding on <see cref="FactNames.Ecog"/>.</returns>
    internal static Finding PerformanceStatusFinding(int ecog, int good) =>
        (uint)ecog < 8 && (uint)good < 8 ? PerformanceStatusFindings[(ecog * 8) + good] : CreatePerformanceStatusFinding(ecog, good);

    // ECOG 0–7 against a good-performance maximum of 0–7: made once per process for each pair (no patient data beyond the
    // two numbers); other values per call.
    private static readonly MemoTable<Finding> PerformanceStatusFindings = new(64, static key => CreatePerformanceStatusFinding(key / 8, key % 8));

    private static Finding CreatePerformanceStatusFinding(int ecog, int good) => ecog > good
        ? new Finding(FactNames.Ecog, Text(ecog), Message.Of("preoperative-assessment.ecog-not-good", ("ecog", ecog), ("good", good)), ">", "ECOG " + Text(good), GoodEcogSource)
        : new Finding(FactNames.Ecog, Text(ecog), Message.Of("preoperative-assessment.ecog-good", ("ecog", ecog), ("good", good)), "≤", "ECOG " + Text(good), GoodEcogSource);

    private const string PrecludingEcogSource = "sections 1, 3.5, 3.10; 7.2";

    // Wording that carries no patient value, shared by every assessment (messages and findings are immutable).
    private static readonly Message UnfitRecordedMessage = new("preoperative-assessment.unfit-recorded");
    private static readonly Finding RecordedUnfitFinding = new(FactNames.FitForSurgery, "no", Message.Of("preoperative-assessment.fit-for-surgery", ("fit", false)));
    private static readonly Finding RecordedFitFinding = new(FactNames.FitForSurgery, "yes", Message.Of("preoperative-assessment.fit-for-surgery", ("fit", true)));
    private static readonly Message NotAssessedCautionMessage = new("preoperative-assessment.fitness-not-assessed");
    private static readonly Finding NothingPrecludesFinding = new(ConceptName, TriState.Yes.Code(), new Message("preoperative-assessment.fitness-nothing-precludes"));
    private static readonly ReadOnlyValueList<string> NotAssessedMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.FitForSurgery, FactNames.Ecog });

    /// <summary>Where the good performance status comes from.</summary>
    private const string GoodEcogSource = "9.1; sections 1, 3.5";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
