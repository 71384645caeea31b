using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

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
        OligometastaticAssessment.Requirements.Concat(new[] { FactNames.FitForSurgery }).ToArray();

    /// <summary>The name under which candidacy appears in findings.</summary>
    public const string ConceptName = "derived.liverResectionCandidate";

    private LiverResectionCandidacy(TriState status, IReadOnlyList<Finding> findings, IReadOnlyList<string> missing, string basis, string reason)
    {
        Basis = basis;
        Status = status;
        Findings = findings;
        Missing = missing;
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

    /// <summary>Assesses candidacy.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    public static LiverResectionCandidacy Assess(EvaluationContext context)
    {
        var findings = new List<Finding>();
        var missing = new List<string>();
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
        var count = liver.Count.ToString(CultureInfo.InvariantCulture);
        var unresectable = liver.Count(l => l.Resectable == false);
        if (unresectable > 0)
        {
            findings.Add(new Finding(FactNames.LesionResectable, "no", $"{unresectable.ToString(CultureInfo.InvariantCulture)} of {count} liver lesion(s) not amenable to complete surgical resection."));
            return Done(TriState.No, "not every liver lesion is resectable");
        }

        if (context.Patient.Clinical.FitForSurgery == false)
        {
            findings.Add(new Finding(FactNames.FitForSurgery, "no", "The patient is recorded as unfit for major surgery."));
            return Done(TriState.No, "the patient is unfit for surgery");
        }

        // Every surgical indication of the guideline (5.3, 5.4, 8.1, 8.3, 9.1) presupposes oligometastatic disease, and
        // 1.2 says diffuse-organ involvement renders the disease ineligible for radical treatment.
        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            findings.Add(new Finding(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Sentence));
            return Done(TriState.No, "the disease is not oligometastatic (" + string.Join("; ", omd.FailingCriteria) + ")");
        }

        if (liver.Any(l => l.Resectable is null))
        {
            missing.Add(FactNames.LesionResectable);
            return Done(TriState.Unknown, "the resectability of every liver lesion is not recorded");
        }

        findings.Add(new Finding(FactNames.LesionResectable, "yes", liver.Count == 1 ? "The liver lesion is amenable to complete surgical resection." : $"All {count} liver lesions are amenable to complete surgical resection."));
        return Done(TriState.Yes, "every liver lesion is resectable");

        LiverResectionCandidacy Done(TriState status, string basis)
        {
            var verdict = status switch
            {
                TriState.Yes => "liver resection is on the table",
                TriState.No => "liver resection is not on the table",
                _ => "whether liver resection is on the table is unknown",
            };
            var reason = char.ToUpperInvariant(basis[0]) + basis.Substring(1) + ": " + verdict + ".";
            findings.Insert(0, new Finding(ConceptName, status.ToString().ToLowerInvariant(), reason));
            return new LiverResectionCandidacy(status, findings.ToArray(), missing.ToArray(), basis, reason);
        }
    }
}
