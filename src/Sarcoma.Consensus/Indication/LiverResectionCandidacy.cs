using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.Remetastasectomy;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Whether liver resection is "on the table" for the patient: liver metastases are present, every liver lesion is
/// amenable to complete surgical resection, the patient is not recorded as unfit for surgery, and the disease is not
/// known to be other than oligometastatic (every surgical indication presupposes OMD; 1.2 makes diffuse disease
/// ineligible for radical treatment). This is the trigger
/// of the process recommendations that govern liver surgery (5.1, 5.2, 6.1–6.5, 7.2, 11.1) and the complement of
/// 10.1 ("patients who are not candidates for surgery").
/// </summary>
/// <remarks>
/// It does not require OMD to be confirmed (staging may still be incomplete): the indication (5.3, 5.4, 8.1, 8.3, 9.1)
/// is decided by its own evaluators; the process requirements apply whenever resection is being considered. Immutable and thread-safe.
/// </remarks>
public sealed class LiverResectionCandidacy
{
    /// <summary>Gets the facts the assessment reads (its own and those of the OMD assessment it consults).</summary>
    public static IReadOnlyList<string> Requirements { get; } =
        OligometastaticAssessment.Requirements.Concat(new[]
        {
            FactNames.FitForSurgery, FactNames.MajorHepatectomyPlanned, FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn,
            FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.LastTreatmentEndedOn, FactNames.AdjuvantTherapyAfterFirstLiverResection, FactNames.Ecog,
            FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse,
        }).ToReadOnlyList();

    /// <summary>The name under which candidacy appears in findings.</summary>
    public const string ConceptName = "derived.liverResectionCandidate";

    private LiverResectionCandidacy(TriState status, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing, string basis, string reason)
    {
        Basis = basis;
        Status = status;
        Findings = findings.ToReadOnlyList();
        Missing = missing.ToReadOnlyList();
        Reason = reason;
    }

    /// <summary>Gets whether liver resection is on the table.</summary>
    public TriState Status { get; }

    /// <summary>Gets the deciding fact as a lower-case clause, for composing sentences, for example "not every liver lesion is resectable".</summary>
    public string Basis { get; }

    /// <summary>Gets one sentence explaining <see cref="Status"/>: the basis, then the verdict.</summary>
    public string Reason { get; }

    /// <summary>Gets the findings.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the missing facts, when <see cref="Status"/> is unknown.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets cautions the surgical process recommendations should carry (for example a resection planned outside the guideline's indications).</summary>
    public IReadOnlyList<string> Cautions { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>Assesses candidacy.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    public static LiverResectionCandidacy Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var findings = new List<Finding>();
        var missing = new List<string>();
        var cautions = new List<string>();
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            missing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
            return Done(TriState.Unknown, "no metastatic lesion is recorded");
        }

        if (!hasLiver)
        {
            findings.Add(context.NoLiverMetastasisFinding);
            return Done(TriState.No, context.NoEvidenceOfDisease ? "there is no current evidence of metastatic disease" : "no liver metastasis is recorded");
        }

        var liver = context.LiverLesions;
        var planned = context.Patient.LiverSurgery.MajorHepatectomyPlanned == true;
        var unresectable = liver.Count(l => l.Resectable == false);
        string? blocker = null;
        if (unresectable > 0)
        {
            findings.Add(new Finding(FactNames.LesionResectable, "no", unresectable == liver.Count
                ? (liver.Count == 1 ? "The liver lesion is not amenable to complete surgical resection." : "No liver lesion is amenable to complete surgical resection.")
                : $"{unresectable.ToString(CultureInfo.InvariantCulture)} of {liver.Count.ToString(CultureInfo.InvariantCulture)} liver lesions {(unresectable == 1 ? "is" : "are")} not amenable to complete surgical resection."));
            blocker = "not every liver lesion is resectable";
        }
        else if (context.Patient.Clinical.FitForSurgery == false)
        {
            findings.Add(new Finding(FactNames.FitForSurgery, "no", "The patient is recorded as unfit for major surgery."));
            blocker = "the patient is unfit for surgery";
        }
        else
        {
            // The guideline's surgical indications, whose population this concept must not exceed:
            // every one presupposes OMD (5.3, 5.4, 8.1, 8.3, 9.1; 1.2 makes diffuse disease ineligible for radical
            // treatment), synchronous disease is operated only for residual disease after a response (8.2, 8.3), and a
            // liver recurrence only after a long treatment-free interval with good performance status (9.1).
            blocker = OutsideTheIndications(context, findings, cautions);
        }

        if (blocker is not null)
        {
            if (!planned)
            {
                return Done(TriState.No, blocker);
            }

            // A planned operation is never left without its safety nets (5.1 tumour board, 7.2 preoperative assessment).
            findings.Add(new Finding(FactNames.MajorHepatectomyPlanned, "yes", "A major hepatectomy is recorded as planned."));
            cautions.Add($"A liver resection is planned although {blocker}; this is outside the guideline's indications for liver surgery, and the tumour board must weigh the risks of surgery against the expected benefits (5.1).");
            return Done(TriState.Yes, "a liver resection is planned");
        }

        if (ExtrahepaticCaution(context) is { } extrahepaticCaution)
        {
            cautions.Add(extrahepaticCaution);
        }
        if (liver.Any(l => l.Resectable is null))
        {
            missing.Add(FactNames.LesionResectable);
            return Done(TriState.Unknown, "the resectability of every liver lesion is not recorded");
        }

        findings.Add(new Finding(FactNames.LesionResectable, "yes", liver.Count == 1
            ? "The liver lesion is amenable to complete surgical resection."
            : liver.Count == 2 ? "Both liver lesions are amenable to complete surgical resection." : $"All {liver.Count.ToString(CultureInfo.InvariantCulture)} liver lesions are amenable to complete surgical resection."));
        return Done(TriState.Yes, "every liver lesion is resectable");

        LiverResectionCandidacy Done(TriState status, string basis)
        {
            var verdict = status switch
            {
                TriState.Yes => "liver resection is on the table",
                TriState.No => "liver resection is not on the table",
                _ => "whether liver resection is on the table is unknown",
            };
            var reason = char.ToUpperInvariant(basis[0]) + basis.Substring(1) + ", so " + verdict + ".";
            findings.Insert(0, new Finding(ConceptName, status.ToString().ToLowerInvariant(), reason));
            return new LiverResectionCandidacy(status, findings.ToArray(), missing.ToArray(), basis, reason) { Cautions = cautions.ToReadOnlyList() };
        }
    }

    /// <summary>
    /// Returns the clause saying why the disease is outside the guideline's surgical indications, or <see langword="null"/>;
    /// adds to <paramref name="cautions"/> the conditions a resection would still have to meet.
    /// </summary>
    private static string? OutsideTheIndications(EvaluationContext context, List<Finding> findings, List<string> cautions)
    {
        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            findings.Add(new Finding(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Sentence));
            return "the disease is not oligometastatic, given " + FactProse.JoinPhrases(omd.FailingCriteria);
        }

        if (context.IsLiverRecurrence == true)
        {
            var window = RemetastasectomyWindow.Assess(context);
            findings.AddRange(window.Findings);
            switch (window.Position)
            {
                case TreatmentFreeIntervalPosition.BelowRange:
                    return $"the liver recurrence follows a treatment-free interval shorter than the {window.MinimumMonths.ToString(CultureInfo.InvariantCulture)} months of recommendation 9.1";
                case TreatmentFreeIntervalPosition.Unknown:
                    cautions.Add("This is a liver recurrence after a previous liver resection and its treatment-free interval cannot be counted: recommendation 9.1 considers a new resection only after a TFI longer than 12–18 months with good performance status.");
                    break;
            }

            var ecog = context.Patient.Clinical.Ecog;
            if (ecog is { } status && status > context.Options.GoodPerformanceStatusMaximumEcog)
            {
                findings.Add(new Finding(FactNames.Ecog, status.ToString(CultureInfo.InvariantCulture), $"ECOG performance status {status.ToString(CultureInfo.InvariantCulture)}: not the good performance status 9.1 requires (ECOG ≤ {context.Options.GoodPerformanceStatusMaximumEcog.ToString(CultureInfo.InvariantCulture)})."));
                return "the liver recurrence is in a patient without the good performance status of recommendation 9.1";
            }
        }

        if (context.Timing.Timing == MetastasisTiming.Synchronous)
        {
            var treatment = context.Patient.Treatment;
            if (treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
            {
                findings.Add(new Finding(FactNames.SystemicTherapyResponse, "progressive-disease", "Progressive disease on systemic therapy."));
                return "the synchronous disease progressed on systemic therapy, and 8.3 requires at least stable disease";
            }

            if (treatment.SystemicTherapyReceived != true)
            {
                cautions.Add("Synchronous disease: systemic treatment is the preferred front-line approach (8.2); liver surgery is considered for residual disease after at least stable disease, with a resectable primary (8.3).");
            }
        }

        return null;
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
}
