using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// Recommendation 10.1 (process): patients who are not candidates for surgery should be discussed in a multidisciplinary
/// meeting to evaluate their eligibility for non-surgical local approaches. Applies when the patient has liver
/// metastases and is known not to be a candidate for liver surgery (<see cref="Indication.LiverResectionCandidacy.Candidate"/>,
/// whose basis is named: a liver lesion not amenable to complete resection, the patient unfit for surgery, disease that
/// is not oligometastatic, a liver recurrence outside 9.1, …); does not apply to a candidate; needs the facts when
/// candidacy is not yet known (never read as "a candidate"). The focal-therapy picture (<see cref="FocalTherapyAssessment"/>:
/// contraindications, lesions amenable to ablation, modalities) is reported for that discussion. When the disease is not
/// oligometastatic a caution recalls that section 3.10 concerns limited metastases (and, for diffuse sarcomatosis, that
/// 1.2 makes the disease ineligible for radical treatment).
/// </summary>
internal sealed class NonSurgicalLocalTherapyReferralEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public NonSurgicalLocalTherapyReferralEvaluator()
        : base("10.1", Indication.LiverResectionCandidacy.Requirements.Concat(Indication.IndicationCriteria.RecurrenceRequirements).Concat(new[]
        {
            FactNames.Metastases, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionResectable, FactNames.LesionAblatable,
            FactNames.FitForSurgery, FactNames.SystemicTherapyResponse, FactNames.UncorrectableCoagulopathy,
            FactNames.ActiveInfectionInTreatmentArea, FactNames.AdjacentStructuresNotProtectable, FactNames.DecompensatedLiverFailure,
        }).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var candidacy = context.LiverResection;
        if (context.HasLiverMetastases == false)
        {
            result.Facts(new[] { context.NoLiverMetastasisFinding });
            return result.DoesNotApply("No liver metastasis is recorded: referral for non-surgical local treatment of liver metastases does not arise.");
        }

        result.Facts(candidacy.Findings.Skip(1));
        switch (candidacy.Candidate)
        {
            case TriState.Yes:
                return result.DoesNotApply($"The patient is a candidate for liver surgery ({candidacy.CandidateBasis}), and 10.1 concerns patients who are not.");
            case TriState.Unknown:
                return result.Missing(candidacy.CandidateMissing)
                    .Insufficient($"Whether the patient is a candidate for liver surgery is not yet known ({candidacy.CandidateBasis}), so whether 10.1 applies cannot be decided.");
        }

        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            result.Fact(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Sentence);
            var diffuse = omd.FailingCriteria.Where(c => c.StartsWith("diffuse", System.StringComparison.Ordinal)).ToArray();
            result.Caution(omd.DiffuseInvolvementPresent
                ? Capitalise(string.Join(" and ", diffuse)) + (diffuse.Length == 1 ? " makes" : " make") + " the disease ineligible for radical treatment (1.2), although section 3.1 notes that in selected cases peritoneal disease may be amenable to radical therapy; section 3.10 concerns patients with limited metastases for whom surgery is not an option."
                : "The disease is not oligometastatic (" + string.Join("; ", omd.FailingCriteria) + "): chemotherapy remains the mainstay of treatment for disseminated disease (abstract; section 1); section 3.10 concerns patients with limited metastases for whom surgery is not an option, and describes ablation of liver-dominant lesions only after disease stability on systemic therapy for multiple metastases (the subject of 10.2, which did not reach consensus), and transarterial treatment for disease that fails to respond to conventional therapies.");
        }

        var focal = FocalTherapyAssessment.Assess(context);
        result.Facts(focal.Findings);
        foreach (var caution in focal.Cautions)
        {
            result.Caution(caution);
        }

        var unrecorded = focal.Contraindications.Where(c => c.Present is null).Select(c => c.Name).ToArray();
        if (unrecorded.Length > 0)
        {
            result.Caution("Contraindications to focal therapy not yet recorded, to be assessed at the meeting: " + string.Join(", ", unrecorded) + ".");
        }

        if (context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            result.Fact(
                FactNames.SystemicTherapyResponse,
                "progressive-disease",
                "Disease progressing on systemic therapy: section 3.10 says patients whose disease fails to respond to conventional therapies should also be considered for transarterial treatment.");
        }

        // A liver recurrence below the 9.1 treatment-free interval is not a candidate for now: 9.2 and section 3.9 favour
        // systemic treatment first, after which a new resection is reconsidered under 9.1.
        if (context.Patient.LiverSurgery.MajorHepatectomyPlanned == true)
        {
            result.Caution("A major hepatectomy is nevertheless recorded as planned: the tumour board weighs it against the non-surgical local approaches (5.1).");
        }

        if (omd.Status == TriState.No)
        {
            // Disseminated disease: the referral is for local approaches alongside the mainstay, systemic therapy.
            return result.Applies($"Outside the guideline's indications for liver surgery ({candidacy.CandidateBasis}): the patient should be discussed in a multidisciplinary meeting to evaluate eligibility for non-surgical local approaches; systemic therapy remains the mainstay of treatment for disseminated disease.");
        }

        return result.Applies($"Not a candidate for liver surgery ({candidacy.CandidateBasis}): the patient should be discussed in a multidisciplinary meeting to evaluate eligibility for non-surgical local approaches.");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
