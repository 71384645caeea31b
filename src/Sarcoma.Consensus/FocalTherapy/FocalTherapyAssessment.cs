using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

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
        IReadOnlyList<string> cautions,
        IReadOnlyList<string> missing)
    {
        Status = status;
        Contraindications = contraindications.ToReadOnlyList();
        AblatableLiverLesions = ablatable;
        NonAblatableLiverLesions = notAblatable;
        LiverLesionsWithUnknownAblatability = ablatabilityUnknown;
        Findings = findings.ToReadOnlyList();
        Cautions = cautions.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
    }

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

    /// <summary>Gets the cautions: what a present contraindication means, per section 3.10.</summary>
    public IReadOnlyList<string> Cautions { get; }

    /// <summary>Gets the contraindications that are not recorded.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Assesses a patient.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    internal static FocalTherapyAssessment Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var recorded = context.Patient.FocalTherapyContraindications ?? new FocalTherapyContraindications();
        var contraindications = new[]
        {
            new FocalTherapyContraindication(FactNames.UncorrectableCoagulopathy, "uncorrectable coagulopathy", ContraindicationSeverity.Absolute, recorded.UncorrectableCoagulopathy),
            new FocalTherapyContraindication(FactNames.ActiveInfectionInTreatmentArea, "active infection in the planned treatment area", ContraindicationSeverity.Absolute, recorded.ActiveInfectionInTreatmentArea),
            new FocalTherapyContraindication(FactNames.AdjacentStructuresNotProtectable, "adjacent critical structures that cannot be displaced or protected", ContraindicationSeverity.Relative, recorded.AdjacentStructuresNotProtectable),
            new FocalTherapyContraindication(FactNames.DecompensatedLiverFailure, "decompensated liver failure", ContraindicationSeverity.Relative, recorded.DecompensatedLiverFailure),
        };

        var present = contraindications.Where(c => c.Present == true).ToArray();
        var absolute = present.Where(c => c.Severity == ContraindicationSeverity.Absolute).ToArray();
        var relative = present.Where(c => c.Severity == ContraindicationSeverity.Relative).ToArray();
        var unknown = contraindications.Where(c => c.Present is null).ToArray();
        var status = absolute.Length > 0
            ? FocalTherapyContraindicationStatus.AbsoluteContraindication
            : relative.Length > 0
                ? FocalTherapyContraindicationStatus.RelativeContraindication
                : unknown.Length > 0 ? FocalTherapyContraindicationStatus.Unknown : FocalTherapyContraindicationStatus.NoneRecorded;

        var findings = new List<Finding>();
        var cautions = new List<string>();
        var verdict = status switch
        {
            FocalTherapyContraindicationStatus.AbsoluteContraindication =>
                "Absolute contraindication to focal therapy present: " + Names(absolute) + ".",
            FocalTherapyContraindicationStatus.RelativeContraindication =>
                "Relative contraindication to focal therapy present: " + Names(relative) + "; no absolute contraindication recorded" + (unknown.Any(c => c.Severity == ContraindicationSeverity.Absolute) ? " (not every one is assessed)." : "."),
            FocalTherapyContraindicationStatus.NoneRecorded =>
                "No contraindication to focal therapy: no uncorrectable coagulopathy, no active infection in the treatment area, adjacent structures protectable, no decompensated liver failure.",
            _ => "No contraindication to focal therapy is recorded as present, but " + Names(unknown) + (unknown.Length == 1 ? " is" : " are") + " not recorded.",
        };
        findings.Add(new Finding(ConceptName, Code(status), verdict));
        foreach (var contraindication in present)
        {
            var kind = contraindication.Severity == ContraindicationSeverity.Absolute ? "an absolute" : "a relative";
            findings.Add(new Finding(contraindication.Fact, "yes", $"{Capitalise(contraindication.Name)}: {kind} contraindication to focal therapy (section 3.10)."));
        }

        if (absolute.Length > 0)
        {
            cautions.Add($"Section 3.10 lists {Names(absolute)} among the few absolute contraindications to focal therapy.");
        }

        if (relative.Length > 0)
        {
            cautions.Add($"Section 3.10: {Names(relative)} {(relative.Length == 1 ? "is a relative contraindication" : "are relative contraindications")} to be discussed weighing the risk–benefit ratio, considering also the specific treatment strategy.");
        }

        var liver = context.LiverLesions;
        var ablatable = liver.Count(l => l.Ablatable == true);
        var notAblatable = liver.Count(l => l.Ablatable == false);
        var ablatabilityUnknown = liver.Count - ablatable - notAblatable;
        if (liver.Count > 0)
        {
            var parts = new List<string>();
            if (ablatable > 0)
            {
                parts.Add($"{Count(ablatable)} amenable");
            }

            if (notAblatable > 0)
            {
                parts.Add($"{Count(notAblatable)} not amenable");
            }

            if (ablatabilityUnknown > 0)
            {
                parts.Add($"{Count(ablatabilityUnknown)} not assessed");
            }

            findings.Add(new Finding(
                FactNames.LesionAblatable,
                $"{Count(ablatable)}/{Count(liver.Count)}",
                $"Of {Count(liver.Count)} liver {(liver.Count == 1 ? "lesion" : "lesions")}, {string.Join(", ", parts)} to non-surgical ablation (including SBRT or catheter-directed therapy)."));
        }

        findings.Add(new Finding(ModalitiesName, string.Join(", ", FocalTherapyModality.All.Select(m => m.Code)), ModalitiesSentence()));
        return new FocalTherapyAssessment(
            status,
            contraindications,
            ablatable,
            notAblatable,
            ablatabilityUnknown,
            findings.ToArray(),
            cautions.ToArray(),
            unknown.Select(c => c.Fact).ToArray());
    }

    /// <summary>The modalities named in section 3.10, grouped, as one sentence.</summary>
    /// <returns>The sentence.</returns>
    public static string ModalitiesSentence()
    {
        string Group(FocalTherapyModalityGroup group) =>
            string.Join(", ", FocalTherapyModality.All.Where(m => m.Group == group).Select(m => m.Label));

        return "Local approaches named by the guideline (section 3.10), each requiring specific expertise: catheter-based intra-arterial therapy ("
            + Group(FocalTherapyModalityGroup.CatheterBasedIntraArterial) + "); thermal ablation ("
            + Group(FocalTherapyModalityGroup.ThermalAblation) + "); non-thermal ablation ("
            + Group(FocalTherapyModalityGroup.NonThermalAblation) + "); stereotactic body radiation therapy (SBRT).";
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

    private static string Names(IEnumerable<FocalTherapyContraindication> contraindications)
    {
        var names = contraindications.Select(c => c.Name).ToArray();
        return names.Length <= 1
            ? string.Concat(names)
            : string.Join(", ", names.Take(names.Length - 1)) + " and " + names[names.Length - 1];
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
