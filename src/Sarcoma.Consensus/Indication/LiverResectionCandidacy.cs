using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.PreoperativeAssessment;
using Sarcoma.Consensus.Remetastasectomy;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Two readings of the same facts (recommendations 1.2, 5.1–5.4, 7.2, 8.3, 9.1, 10.1; sections 1, 3.5, 3.8–3.10):
/// <list type="bullet">
/// <item><description><see cref="Candidate"/>, strict and tri-state: is the patient a candidate for liver surgery? Yes
/// only when every fact is known and nothing rules it out: current liver metastases, every liver lesion amenable to
/// complete resection, fit for surgery (<see cref="SurgicalFitness"/>: not recorded unfit, ECOG below
/// <see cref="ConsensusOptions.SurgeryPrecludingMinimumEcog"/>), oligometastatic disease, for a liver recurrence a
/// treatment-free interval longer than the 9.1 range's lower bound and good performance status, for synchronous disease
/// not progressing on systemic therapy. No when a known fact rules it out (every such fact is named). Otherwise
/// unknown, naming the missing facts: an unknown fact never makes a patient "not a candidate", nor a candidate. The
/// complement of 10.1 ("patients who are not candidates for surgery").</description></item>
/// <item><description><see cref="Status"/>, whether liver resection is "on the table": the trigger of the process
/// recommendations that govern liver surgery once it is being considered (5.1, 5.2, 6.1–6.5, 7.2, 11.1, 11.2). Yes
/// for a candidate, and for a patient whose candidacy is not yet known while every liver lesion is known resectable
/// (staging or fitness may still be incomplete: the process recommendations govern that work-up, with cautions); yes
/// also when a major hepatectomy is recorded as planned, even outside the indications (with a caution), so a planned
/// operation is never left without its safety nets. No for a patient who is not a candidate and for whom no major
/// hepatectomy is planned; unknown when resectability is not recorded, or when a non-candidate's plan is not.</description></item>
/// </list>
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LiverResectionCandidacy
{
    /// <summary>Gets the facts the assessment reads (its own and those of the assessments it consults).</summary>
    public static IReadOnlyList<string> Requirements { get; } =
        OligometastaticAssessment.Requirements.Concat(SurgicalFitness.Requirements).Concat(new[]
        {
            FactNames.MajorHepatectomyPlanned, FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn,
            FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.LastTreatmentEndedOn, FactNames.AdjuvantTherapyAfterFirstLiverResection,
            FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse,
        }).Distinct(StringComparer.Ordinal).ToReadOnlyList();

    /// <summary>The name under which "liver resection on the table" appears in findings.</summary>
    public const string ConceptName = "derived.liverResectionOnTheTable";

    /// <summary>The name under which surgical candidacy appears in findings.</summary>
    public const string CandidateConceptName = "derived.surgicalCandidate";

    private LiverResectionCandidacy()
    {
    }

    /// <summary>Gets whether liver resection is on the table (the trigger of the surgical process recommendations).</summary>
    public TriState Status { get; private set; }

    /// <summary>Gets the deciding fact of <see cref="Status"/> as a lower-case clause, for composing sentences, for example "not every liver lesion is resectable".</summary>
    public string Basis { get; private set; } = string.Empty;

    /// <summary>Gets one sentence explaining <see cref="Status"/>: the basis, then the verdict.</summary>
    public string Reason { get; private set; } = string.Empty;

    /// <summary>Gets the findings behind <see cref="Status"/>: its verdict first, then the candidacy verdict and the facts.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = ReadOnlyValueList<Finding>.None;

    /// <summary>Gets the facts missing to decide <see cref="Status"/>, when it is unknown.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>
    /// Gets cautions the surgical process recommendations carry when liver resection is on the table: fitness not
    /// assessed or limited (<see cref="SurgicalFitness.Cautions"/>), a resection planned outside the indications,
    /// extrahepatic disease, an uncountable TFI, synchronous disease not yet treated.
    /// </summary>
    public IReadOnlyList<string> Cautions { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>Gets whether the patient is a candidate for liver surgery: yes, no (not a candidate), or unknown (missing facts named in <see cref="CandidateMissing"/>).</summary>
    public TriState Candidate { get; private set; }

    /// <summary>Gets the basis of <see cref="Candidate"/> as a lower-case clause: what rules candidacy out, what is missing, or why the patient is a candidate.</summary>
    public string CandidateBasis { get; private set; } = string.Empty;

    /// <summary>Gets the finding that states <see cref="Candidate"/> and its basis.</summary>
    public Finding CandidateFinding { get; private set; } = new(CandidateConceptName, "unknown", string.Empty);

    /// <summary>Gets the facts whose absence leaves <see cref="Candidate"/> unknown (empty unless it is unknown).</summary>
    public IReadOnlyList<string> CandidateMissing { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>
    /// Gets whether the current liver disease is a recurrence whose treatment-free interval is not longer than the lower
    /// bound of 9.1. That alone does not take surgery off the table: 9.2 and section 3.9 give preoperative systemic
    /// treatment first, after which the tumour board reassesses a new resection (a caution says so).
    /// </summary>
    public bool RecurrenceBelowTreatmentFreeInterval { get; private set; }

    /// <summary>Assesses candidacy.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static LiverResectionCandidacy Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var result = new LiverResectionCandidacy();
        var facts = new List<Finding>();
        var blockers = new List<string>();
        var gateMissing = new List<string>();
        var softMissing = new List<string>();
        var cautions = new List<string>();
        var planned = context.Patient.LiverSurgery.MajorHepatectomyPlanned;

        if (context.HasLiverMetastases == false)
        {
            facts.Add(context.NoLiverMetastasisFinding);
            var none = context.NoEvidenceOfDisease ? "there is no current evidence of metastatic disease" : "no liver metastasis is recorded";
            return result.Finish(TriState.No, none, Array.Empty<string>(), TriState.No, none, Array.Empty<string>(), facts, cautions);
        }

        if (context.HasLiverMetastases is null)
        {
            gateMissing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }
        else
        {
            Resectability(context, facts, blockers, gateMissing);
        }

        var fitness = context.Fitness;
        facts.AddRange(fitness.Findings);
        blockers.AddRange(fitness.UnfitBecause);
        softMissing.AddRange(fitness.Missing);
        cautions.AddRange(fitness.Cautions);

        // The guideline's surgical indications, whose population candidacy must not exceed: every one presupposes OMD
        // (5.3, 5.4, 8.1, 8.3, 9.1; 1.2 makes diffuse disease ineligible for radical treatment), a liver recurrence is
        // operated only after a long treatment-free interval with good performance status (9.1), and synchronous disease
        // only for residual disease after at least stable disease on systemic treatment (8.2, 8.3).
        Oligometastatic(context, facts, blockers, softMissing);
        result.RecurrenceBelowTreatmentFreeInterval = Recurrence(context, facts, blockers, softMissing, cautions);
        Synchronous(context, facts, blockers, softMissing, cautions);
        if (ExtrahepaticCaution(context) is { } extrahepatic)
        {
            cautions.Add(extrahepatic);
        }

        if (context.StagingAgeCaution is { } stagingAge)
        {
            cautions.Add(stagingAge);
        }

        var candidateMissing = gateMissing.Concat(softMissing).Distinct(StringComparer.Ordinal).ToArray();
        TriState candidate;
        string candidateBasis;
        if (blockers.Count > 0)
        {
            candidate = TriState.No;
            candidateBasis = FactProse.JoinPhrases(blockers.Distinct(StringComparer.Ordinal).ToArray());
        }
        else if (candidateMissing.Length > 0)
        {
            candidate = TriState.Unknown;
            candidateBasis = FactProse.NotRecorded(candidateMissing);
        }
        else
        {
            candidate = TriState.Yes;
            candidateBasis = result.RecurrenceBelowTreatmentFreeInterval
                ? $"every liver lesion is resectable and nothing recorded precludes surgery, but the treatment-free interval is not longer than {context.Options.RemetastasectomyMinimumTfiMonths.ToString(CultureInfo.InvariantCulture)} months (9.1): a new resection is reassessed after preoperative systemic treatment (9.2, section 3.9)"
                : context.Timing.Timing == MetastasisTiming.Synchronous && context.Patient.Treatment.SystemicTherapyReceived == false
                    ? "every liver lesion is resectable and nothing recorded precludes surgery; for synchronous disease, surgery of residual liver disease is considered after systemic treatment with at least stable disease (8.2, 8.3)"
                    : "every liver lesion is resectable, nothing recorded precludes surgery and the disease is within the guideline's surgical indications"
                        + (context.LiverWithLungOnly == true ? " (5.4 for liver and lung-only disease: highly selected patients)" : string.Empty)
                        + (context.Timing.Timing == MetastasisTiming.Metachronous && context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease
                            ? ", although the disease is progressing on systemic therapy (section 3.11)"
                            : string.Empty);
        }

        // Whether liver resection is on the table.
        if (planned == true)
        {
            facts.Add(new Finding(FactNames.MajorHepatectomyPlanned, "yes", "A major hepatectomy is recorded as planned."));
            if (candidate == TriState.No)
            {
                cautions.Insert(0, $"A liver resection is planned although {candidateBasis}; this is outside the guideline's indications for liver surgery, and the tumour board must weigh the risks of surgery against the expected benefits (5.1).");
            }

            return result.Finish(TriState.Yes, "a liver resection is planned", Array.Empty<string>(), candidate, candidateBasis, candidateMissing, facts, cautions);
        }

        // Section 3.5: "the decision for surgical treatment may be at the discretion of the treating physician, based on a
        // case-by-case basis ... and multidisciplinary board discussion". Disease beyond the OMD count or site limits, with
        // every liver lesion resectable in a fit patient and nothing else against it, stays on the table for that discussion.
        var caseByCase = candidate == TriState.No ? OnlyBeyondTheOmdLimits(context, blockers) : TriState.No;
        if (caseByCase == TriState.Yes)
        {
            cautions.Insert(0, "The disease is outside the guideline's surgical indications (" + candidateBasis + "); section 3.5: \"the decision for surgical treatment may be at the discretion of the treating physician, based on a case-by-case basis, best expert opinion, and multidisciplinary board discussion in reference centers\".");
            return result.Finish(TriState.Yes, "every liver lesion is resectable, for case-by-case discussion although " + candidateBasis, Array.Empty<string>(), candidate, candidateBasis, candidateMissing, facts, cautions);
        }

        if (caseByCase == TriState.Unknown && planned != true)
        {
            // Were every liver lesion resectable, the case-by-case branch above would put resection on the table: an
            // unrecorded resectability must not take it off.
            return result.Finish(
                TriState.Unknown,
                candidateBasis + ", and whether every liver lesion is resectable (for case-by-case discussion, section 3.5) is not recorded",
                new[] { FactNames.LesionResectable },
                candidate,
                candidateBasis,
                candidateMissing,
                facts,
                cautions);
        }

        switch (candidate)
        {
            case TriState.No when planned == false:
                return result.Finish(TriState.No, candidateBasis, Array.Empty<string>(), candidate, candidateBasis, candidateMissing, facts, cautions);
            case TriState.No:
                return result.Finish(
                    TriState.Unknown,
                    candidateBasis + ", and whether a major hepatectomy is nevertheless planned is not recorded",
                    new[] { FactNames.MajorHepatectomyPlanned },
                    candidate,
                    candidateBasis,
                    candidateMissing,
                    facts,
                    cautions);
            case TriState.Unknown when gateMissing.Count > 0:
                return result.Finish(TriState.Unknown, FactProse.NotRecorded(gateMissing), gateMissing.ToArray(), candidate, candidateBasis, candidateMissing, facts, cautions);
            case TriState.Unknown:
                return result.Finish(TriState.Yes, $"every liver lesion is resectable, although candidacy is not yet established ({candidateBasis})", Array.Empty<string>(), candidate, candidateBasis, candidateMissing, facts, cautions);
            default:
                return result.Finish(TriState.Yes, "every liver lesion is resectable", Array.Empty<string>(), candidate, candidateBasis, candidateMissing, facts, cautions);
        }
    }

    /// <summary>
    /// Whether the only reason against candidacy is disease beyond the OMD lesion or site limits (not diffuse disease,
    /// resectability, fitness or the 9.1 criteria) with every liver lesion resectable; unknown when that turns on a
    /// liver lesion whose resectability is not recorded.
    /// </summary>
    private static TriState OnlyBeyondTheOmdLimits(EvaluationContext context, List<string> blockers)
    {
        var omd = context.Oligometastatic;
        var liver = context.LiverLesions;
        if (blockers.Count != 1
            || omd.Status != TriState.No
            || omd.DiffuseInvolvementPresent
            || !omd.FailingCriteria.All(c => c.StartsWith("more than", StringComparison.Ordinal))
            || liver.Count == 0 || liver.Any(l => l.Resectable == false)
            || context.Fitness.Status == TriState.No)
        {
            return TriState.No;
        }

        return liver.All(l => l.Resectable == true) ? TriState.Yes : TriState.Unknown;
    }

    private LiverResectionCandidacy Finish(
        TriState status,
        string basis,
        IReadOnlyList<string> missing,
        TriState candidate,
        string candidateBasis,
        IReadOnlyList<string> candidateMissing,
        List<Finding> facts,
        List<string> cautions)
    {
        var verdict = status switch
        {
            TriState.Yes => "liver resection is on the table",
            TriState.No => "liver resection is not on the table",
            _ => "whether liver resection is on the table is unknown",
        };
        var candidateVerdict = candidate switch
        {
            TriState.Yes => "A candidate for liver surgery: " + candidateBasis + ".",
            TriState.No => "Not a candidate for liver surgery: " + candidateBasis + ".",
            _ => "Whether the patient is a candidate for liver surgery is not yet known: " + candidateBasis + ".",
        };
        Status = status;
        Basis = basis;
        Reason = char.ToUpperInvariant(basis[0]) + basis.Substring(1) + ", so " + verdict + ".";
        Missing = missing.ToReadOnlyList();
        Candidate = candidate;
        CandidateBasis = candidateBasis;
        CandidateMissing = candidateMissing.ToReadOnlyList();
        CandidateFinding = new Finding(CandidateConceptName, candidate.ToString().ToLowerInvariant(), candidateVerdict);
        var findings = new List<Finding> { new(ConceptName, status.ToString().ToLowerInvariant(), Reason), CandidateFinding };
        findings.AddRange(facts);
        Findings = findings.ToReadOnlyList();
        Cautions = cautions.Distinct(StringComparer.Ordinal).ToReadOnlyList();
        return this;
    }

    private static void Resectability(EvaluationContext context, List<Finding> facts, List<string> blockers, List<string> missing)
    {
        var liver = context.LiverLesions;
        var unresectable = liver.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            facts.Add(new Finding(FactNames.LesionResectable, "no", unresectable == liver.Count
                ? (liver.Count == 1 ? "The liver lesion is not amenable to complete surgical resection." : "No liver lesion is amenable to complete surgical resection.")
                : $"{Text(unresectable)} of {Text(liver.Count)} liver lesions {(unresectable == 1 ? "is" : "are")} not amenable to complete surgical resection."));
            blockers.Add("not every liver lesion is resectable");
        }
        else if (liver.Any(l => l.Resectable is null))
        {
            missing.Add(FactNames.LesionResectable);
        }
        else
        {
            facts.Add(new Finding(FactNames.LesionResectable, "yes", liver.Count == 1
                ? "The liver lesion is amenable to complete surgical resection."
                : liver.Count == 2 ? "Both liver lesions are amenable to complete surgical resection." : $"All {Text(liver.Count)} liver lesions are amenable to complete surgical resection."));
        }
    }

    private static void Oligometastatic(EvaluationContext context, List<Finding> facts, List<string> blockers, List<string> missing)
    {
        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            facts.Add(new Finding(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Sentence));
            blockers.Add("the disease is not oligometastatic, given " + FactProse.JoinPhrases(omd.FailingCriteria));
        }
        else if (omd.Status == TriState.Unknown)
        {
            missing.AddRange(omd.Missing);
        }
    }

    /// <returns>Whether the recurrence's treatment-free interval is below the 9.1 range.</returns>
    private static bool Recurrence(EvaluationContext context, List<Finding> facts, List<string> blockers, List<string> missing, List<string> cautions)
    {
        switch (context.IsLiverRecurrence)
        {
            case null:
                missing.AddRange(context.LiverRecurrenceMissing);
                cautions.Add($"Whether the liver disease is a recurrence after a previous liver resection is not known ({FactProse.NotRecorded(context.LiverRecurrenceMissing)}): if it is, recommendation 9.1 governs a new resection (very selected patients, a TFI longer than {context.Options.RemetastasectomyMinimumTfiMonths.ToString(CultureInfo.InvariantCulture)}–{context.Options.RemetastasectomyClearTfiMonths.ToString(CultureInfo.InvariantCulture)} months, good performance status).");
                return false;
            case false:
                return false;
        }

        var window = RemetastasectomyWindow.Assess(context);
        facts.AddRange(window.Findings);
        var below = false;
        switch (window.Position)
        {
            case TreatmentFreeIntervalPosition.BelowRange:
                // Not a reason against surgery altogether: 9.2 and section 3.9 give such a relapse preoperative systemic
                // treatment first, after which the tumour board reassesses a new resection.
                below = true;
                cautions.Add(ShortTfiCaution(window.MinimumMonths));
                break;
            case TreatmentFreeIntervalPosition.Unknown:
                missing.AddRange(window.Missing);
                cautions.Add($"This is a liver recurrence after a previous liver resection and its treatment-free interval cannot be counted: recommendation 9.1 considers a new resection only after a TFI longer than {window.MinimumMonths.ToString(CultureInfo.InvariantCulture)}–{window.ClearMonths.ToString(CultureInfo.InvariantCulture)} months with good performance status.");
                break;
        }

        var good = context.Options.GoodPerformanceStatusMaximumEcog;
        switch (context.Patient.Clinical.Ecog)
        {
            case { } ecog when ecog > good:
                blockers.Add($"the liver recurrence is in a patient without the good performance status of recommendation 9.1 (ECOG {ecog.ToString(CultureInfo.InvariantCulture)}; good read here as ECOG 0–{good.ToString(CultureInfo.InvariantCulture)})");
                break;
            case null:
                missing.Add(FactNames.Ecog);
                break;
        }

        return below;
    }

    private static void Synchronous(EvaluationContext context, List<Finding> facts, List<string> blockers, List<string> missing, List<string> cautions)
    {
        var treatment = context.Patient.Treatment;
        var progressing = treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease;

        // Progression on therapy could be recorded or still come to light unless no systemic therapy was given.
        var progressionPossible = progressing || (treatment.SystemicTherapyResponse is null && treatment.SystemicTherapyReceived != false);
        switch (context.Timing.Timing)
        {
            case MetastasisTiming.Synchronous when progressing:
                facts.Add(new Finding(FactNames.SystemicTherapyResponse, "progressive-disease", "Progressive disease on systemic therapy."));
                blockers.Add("the synchronous disease progressed on systemic therapy, and 8.3 requires at least stable disease");
                break;
            case MetastasisTiming.Synchronous when treatment.SystemicTherapyReceived == false:
                cautions.Add("Synchronous disease: systemic treatment is the preferred front-line approach (8.2); liver surgery is considered for residual disease after at least stable disease, with a resectable primary (8.3).");
                break;
            case MetastasisTiming.Synchronous when progressionPossible:
                missing.Add(treatment.SystemicTherapyReceived is null ? FactNames.SystemicTherapyReceived : FactNames.SystemicTherapyResponse);
                break;
            case null when progressionPossible:
                missing.AddRange(context.Timing.Missing);
                break;
        }
    }

    /// <summary>
    /// Extrahepatic disease narrows the indication: 5.3 covers liver-only disease and 5.4 liver plus lung only, in highly
    /// selected patients; section 3.1 warns that concurrent extrapulmonary extrahepatic lesions "could mean a more
    /// systemic disease and portend a dismal prognosis".
    /// </summary>
    internal static string? ExtrahepaticCaution(EvaluationContext context)
    {
        var extrahepatic = context.ExtrahepaticLesions;
        if (extrahepatic.Count == 0)
        {
            return null;
        }

        return extrahepatic.All(l => l.Site == MetastaticSite.Lung)
            ? "There is lung disease besides the liver metastases: recommendation 5.4 limits liver resection then to highly selected patients with a favourable prognostic profile, with every lesion potentially resectable."
            : "There is extrahepatic disease outside the lung: this is outside 5.3 (liver-only) and 5.4 (liver and lung only), and section 3.1 warns that concurrent extrapulmonary extrahepatic lesions could mean a more systemic disease and portend a dismal prognosis.";
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The caution for a liver recurrence whose TFI is not longer than the lower bound of 9.1.</summary>
    internal static string ShortTfiCaution(int minimumMonths) =>
        $"The treatment-free interval is not longer than {minimumMonths.ToString(CultureInfo.InvariantCulture)} months: outside the strict reading of 9.1 (\"TFI longer than 12–18 months\"); per 9.2 and section 3.9 (\"the panel supports the use of preoperative systemic treatment … in relapses with a short DFI\"), preoperative systemic treatment comes first, and the tumour board then reassesses a new resection.";
}
