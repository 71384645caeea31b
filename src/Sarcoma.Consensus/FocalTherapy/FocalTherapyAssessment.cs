using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// The focal-therapy picture for a patient (section 3.10): the absolute contraindications (uncorrectable coagulopathy,
/// active infection in the planned treatment area), the relative ones (adjacent critical structures that cannot be
/// displaced or protected, decompensated liver failure — "to be discussed considering the risk–benefit ratio"), which
/// liver lesions are recorded as amenable to ablation, and the modalities the guideline names, grouped.
/// </summary>
/// <remarks>
/// It reports; it does not decide eligibility, which 10.1 leaves to the multidisciplinary meeting. Immutable and thread-safe.
/// </remarks>
public sealed class FocalTherapyAssessment
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message FocalTherapyVerdictNoneMessage = new("focal-therapy.verdict.none");

    /// <summary>The name under which the contraindication verdict appears in findings.</summary>
    public const string ConceptName = "derived.focalTherapyContraindications";

    /// <summary>The name under which the modalities appear in findings.</summary>
    public const string ModalitiesName = "derived.focalTherapyModalities";

    private FocalTherapyAssessment(
        FocalTherapyContraindicationStatus status,
        IReadOnlyList<FocalTherapyContraindication> contraindications,
        int ablatable,
        int notAblatable,
        int ablatabilityUnknown,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<Message> cautions,
        IReadOnlyList<string> missing)
    {
        Status = status;
        Contraindications = contraindications.ToReadOnlyList();
        AblatableLiverLesions = ablatable;
        NonAblatableLiverLesions = notAblatable;
        LiverLesionsWithUnknownAblatability = ablatabilityUnknown;
        Findings = findings.ToReadOnlyList();
        CautionMessages = cautions.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

    // The modalities of section 3.10 as a finding: the same for every patient, so built once.
    private static readonly Finding ModalitiesFinding = new(
        ModalitiesName, string.Join(", ", FocalTherapyModality.All.Select(m => m.Code)), CreateModalitiesMessage(), source: "section 3.10");

    // Rendered on first read.
    private IReadOnlyList<string>? cautionTexts;

    /// <summary>Gets where the contraindications stand.</summary>
    public FocalTherapyContraindicationStatus Status { get; }

    /// <summary>Gets the four contraindications of section 3.10, absolute first, each with whether it is present.</summary>
    public IReadOnlyList<FocalTherapyContraindication> Contraindications { get; }

    /// <summary>Gets the contraindications that are present.</summary>
    public IReadOnlyList<FocalTherapyContraindication> PresentContraindications =>
        Contraindications.Where(c => c.Present == true).ToReadOnlyList();

    /// <summary>Gets whether an absolute contraindication is present: <see langword="true"/> when any is, <see langword="false"/> when both are recorded absent, else <see langword="null"/>.</summary>
    public bool? AbsoluteContraindicationPresent => AnyPresent(ContraindicationSeverity.Absolute);

    /// <summary>Gets whether a relative contraindication is present, with the same three states.</summary>
    public bool? RelativeContraindicationPresent => AnyPresent(ContraindicationSeverity.Relative);

    /// <summary>Gets the number of liver lesions recorded as amenable to non-surgical ablation (including SBRT or catheter-directed therapy).</summary>
    public int AblatableLiverLesions { get; }

    /// <summary>Gets the number of liver lesions recorded as not amenable to it.</summary>
    public int NonAblatableLiverLesions { get; }

    /// <summary>Gets the number of liver lesions whose amenability is not recorded.</summary>
    public int LiverLesionsWithUnknownAblatability { get; }

    /// <summary>Gets the modalities section 3.10 names.</summary>
    public IReadOnlyList<FocalTherapyModality> Modalities => FocalTherapyModality.All;

    /// <summary>Gets the findings: the verdict first, then each contraindication present, lesion amenability and the modalities.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the cautions as data: what a present contraindication means, per section 3.10.</summary>
    public IReadOnlyList<Message> CautionMessages { get; }

    /// <summary>Gets <see cref="CautionMessages"/> rendered in English.</summary>
    public IReadOnlyList<string> Cautions => cautionTexts ??= CautionMessages.Select(c => c.Text).ToReadOnlyList();

    /// <summary>Gets the contraindications that are not recorded.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the assessment of the patient in <paramref name="context"/>: computed once per evaluation and held by the context.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static FocalTherapyAssessment Assess(EvaluationContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).FocalTherapy;

    /// <summary>Computes the assessment; only <see cref="EvaluationContext.FocalTherapy"/> calls this, once per evaluation.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    internal static FocalTherapyAssessment Compute(EvaluationContext context)
    {
        context.Computing(DerivedConcepts.FocalTherapy);
        var recorded = context.Patient.FocalTherapyContraindications ?? new FocalTherapyContraindications();
        // The four contraindications in each of their three states carry no other patient value: made once per process.
        var contraindications = new[]
        {
            Contraindication(0, recorded.UncorrectableCoagulopathy),
            Contraindication(1, recorded.ActiveInfectionInTreatmentArea),
            Contraindication(2, recorded.AdjacentStructuresNotProtectable),
            Contraindication(3, recorded.DecompensatedLiverFailure),
        };

        // Partitions in the order of the array above (loops: no iterator or closure per evaluation).
        var present = new List<FocalTherapyContraindication>(contraindications.Length);
        var absolute = new List<FocalTherapyContraindication>(contraindications.Length);
        var relative = new List<FocalTherapyContraindication>(contraindications.Length);
        var unknown = new List<FocalTherapyContraindication>(contraindications.Length);
        var absoluteUnassessed = false;
        foreach (var contraindication in contraindications)
        {
            switch (contraindication.Present)
            {
                case true:
                    present.Add(contraindication);
                    (contraindication.Severity == ContraindicationSeverity.Absolute ? absolute : relative).Add(contraindication);
                    break;
                case null:
                    unknown.Add(contraindication);
                    absoluteUnassessed |= contraindication.Severity == ContraindicationSeverity.Absolute;
                    break;
            }
        }

        var status = absolute.Count > 0
            ? FocalTherapyContraindicationStatus.AbsoluteContraindication
            : relative.Count > 0
                ? FocalTherapyContraindicationStatus.RelativeContraindication
                : unknown.Count > 0 ? FocalTherapyContraindicationStatus.Unknown : FocalTherapyContraindicationStatus.NoneRecorded;

        var findings = new List<Finding>();
        var cautions = new List<Message>();
        var verdict = status switch
        {
            FocalTherapyContraindicationStatus.AbsoluteContraindication =>
                Message.Of("focal-therapy.verdict.absolute", ("names", Names(absolute))),
            FocalTherapyContraindicationStatus.RelativeContraindication =>
                Message.Of(
                    "focal-therapy.verdict.relative",
                    ("names", Names(relative)),
                    ("absolute-unassessed", absoluteUnassessed)),
            FocalTherapyContraindicationStatus.NoneRecorded => FocalTherapyVerdictNoneMessage,
            _ => Message.Of("focal-therapy.verdict.unknown", ("names", Names(unknown))),
        };
        findings.Add(new Finding(ConceptName, Code(status), verdict, source: "section 3.10"));
        foreach (var contraindication in present)
        {
            findings.Add(new Finding(
                contraindication.Fact,
                "yes",
                Message.Of("focal-therapy.contraindication-present", ("name", contraindication.NameMessage), ("absolute", contraindication.Severity == ContraindicationSeverity.Absolute)),
                source: "section 3.10"));
        }

        if (absolute.Count > 0)
        {
            cautions.Add(Message.Of("focal-therapy.absolute-caution", ("names", Names(absolute))));
        }

        if (relative.Count > 0)
        {
            cautions.Add(Message.Of("focal-therapy.relative-caution", ("names", Names(relative))));
        }

        var liver = context.LiverLesions;
        var ablatable = 0;
        var notAblatable = 0;
        for (var i = 0; i < liver.Count; i++)
        {
            switch (liver[i].Ablatable)
            {
                case true:
                    ablatable++;
                    break;
                case false:
                    notAblatable++;
                    break;
            }
        }

        var ablatabilityUnknown = liver.Count - ablatable - notAblatable;
        if (liver.Count > 0 && ablatable < AblationCounts && notAblatable < AblationCounts && ablatabilityUnknown < AblationCounts)
        {
            // Depends on the three counts only: made once per process for up to 16 lesions of each kind.
            findings.Add(AblationFindings[(((ablatable * AblationCounts) + notAblatable) * AblationCounts) + ablatabilityUnknown]);
        }
        else if (liver.Count > 0)
        {
            findings.Add(AblationFinding(ablatable, notAblatable, ablatabilityUnknown));
        }

        findings.Add(ModalitiesFinding);
        return new FocalTherapyAssessment(
            status,
            ReadOnlyValueList<FocalTherapyContraindication>.Wrap(contraindications),
            ablatable,
            notAblatable,
            ablatabilityUnknown,
            ReadOnlyValueList<Finding>.CopyOf(findings),
            ReadOnlyValueList<Message>.CopyOf(cautions),
            UnknownFacts(unknown));
    }

    private const int AblationCounts = 17;

    private static readonly MemoTable<Finding> AblationFindings = new(AblationCounts * AblationCounts * AblationCounts, static key => AblationFinding(
        key / (AblationCounts * AblationCounts), (key / AblationCounts) % AblationCounts, key % AblationCounts));

    // The contraindications of section 3.10 in the order checked: fact, code and severity.
    private static readonly (string Fact, string Code, ContraindicationSeverity Severity)[] ContraindicationKinds =
    {
        (FactNames.UncorrectableCoagulopathy, "uncorrectable-coagulopathy", ContraindicationSeverity.Absolute),
        (FactNames.ActiveInfectionInTreatmentArea, "active-infection-in-treatment-area", ContraindicationSeverity.Absolute),
        (FactNames.AdjacentStructuresNotProtectable, "adjacent-structures-not-protectable", ContraindicationSeverity.Relative),
        (FactNames.DecompensatedLiverFailure, "decompensated-liver-failure", ContraindicationSeverity.Relative),
    };

    // Keyed by kind × 3 + state (yes, no, unknown).
    private static readonly MemoTable<FocalTherapyContraindication> ContraindicationTable = new(ContraindicationKinds.Length * 3, static key =>
    {
        var (fact, code, severity) = ContraindicationKinds[key / 3];
        return new FocalTherapyContraindication(fact, code, severity, (key % 3) switch { 0 => true, 1 => false, _ => (bool?)null });
    });

    private static FocalTherapyContraindication Contraindication(int kind, bool? present) =>
        ContraindicationTable[(kind * 3) + present switch { true => 0, false => 1, _ => 2 }];

    private static Finding AblationFinding(int ablatable, int notAblatable, int ablatabilityUnknown)
    {
        var total = ablatable + notAblatable + ablatabilityUnknown;
        var parts = new List<Message>(3);
        if (ablatable > 0)
        {
            parts.Add(Message.Of("focal-therapy.ablation.amenable", ("count", ablatable)));
        }

        if (notAblatable > 0)
        {
            parts.Add(Message.Of("focal-therapy.ablation.not-amenable", ("count", notAblatable)));
        }

        if (ablatabilityUnknown > 0)
        {
            parts.Add(Message.Of("focal-therapy.ablation.not-assessed", ("count", ablatabilityUnknown)));
        }

        return new Finding(
            FactNames.LesionAblatable,
            $"{Count(ablatable)}/{Count(total)}",
            Message.Of("focal-therapy.ablation", ("total", total), ("parts", parts)));
    }

    /// <summary>The modalities named in section 3.10, grouped, as one sentence in English.</summary>
    /// <returns>The sentence.</returns>
    public static string ModalitiesSentence() => ModalitiesMessage().Text;

    /// <summary>The modalities named in section 3.10, grouped, as a message (<c>focal-therapy.modalities</c>).</summary>
    /// <returns>The message.</returns>
    public static Message ModalitiesMessage() => ModalitiesFinding.Message;

    private static Message CreateModalitiesMessage()
    {
        Message[] Group(FocalTherapyModalityGroup group) =>
            FocalTherapyModality.All.Where(m => m.Group == group).Select(m => m.LabelMessage).ToArray();

        return Message.Of(
            "focal-therapy.modalities",
            ("catheter", Group(FocalTherapyModalityGroup.CatheterBasedIntraArterial)),
            ("thermal", Group(FocalTherapyModalityGroup.ThermalAblation)),
            ("non-thermal", Group(FocalTherapyModalityGroup.NonThermalAblation)));
    }

    private bool? AnyPresent(ContraindicationSeverity severity)
    {
        var of = Contraindications.Where(c => c.Severity == severity).ToArray();
        if (of.Any(c => c.Present == true))
        {
            return true;
        }

        return of.All(c => c.Present == false) ? false : null;
    }

    private static string Code(FocalTherapyContraindicationStatus status) => status switch
    {
        FocalTherapyContraindicationStatus.AbsoluteContraindication => "absolute",
        FocalTherapyContraindicationStatus.RelativeContraindication => "relative",
        FocalTherapyContraindicationStatus.NoneRecorded => "none",
        _ => "unknown",
    };

    private static IReadOnlyList<Message> Names(List<FocalTherapyContraindication> contraindications)
    {
        var names = new Message[contraindications.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = contraindications[i].NameMessage;
        }

        return ReadOnlyValueList<Message>.Wrap(names);
    }

    private static IReadOnlyList<string> UnknownFacts(List<FocalTherapyContraindication> unknown)
    {
        var facts = new string[unknown.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = unknown[i].Fact;
        }

        return ReadOnlyValueList<string>.Wrap(facts);
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
