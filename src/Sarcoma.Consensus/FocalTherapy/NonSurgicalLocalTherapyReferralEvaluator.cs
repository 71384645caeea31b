using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>
/// Recommendation 10.1 (process): patients who are not candidates for surgery should be discussed in a multidisciplinary
/// meeting to evaluate their eligibility for non-surgical local approaches. Applies when the patient has liver
/// metastases and is known not to be a candidate for liver surgery (<see cref="Indication.LiverResectionCandidacy.Candidate"/>,
/// whose basis is named: a liver lesion not amenable to complete resection, the patient unfit for surgery, disease that
/// is not oligometastatic, a liver recurrence outside 9.1, …); does not apply to a candidate; needs the facts when
/// candidacy is not yet known (never read as "a candidate"). A liver recurrence whose only reason against candidacy is
/// a treatment-free interval below 9.1 does not apply either: section 3.9 considers local treatment "by either surgery or
/// ablative techniques" only with a long TFI, so systemic treatment comes first (9.2) and the board reassesses after it. The focal-therapy picture (<see cref="FocalTherapyAssessment"/>:
/// contraindications, lesions amenable to ablation, modalities) is reported for that discussion. When the disease is not
/// oligometastatic a caution recalls that section 3.10 concerns limited metastases (and, for diffuse sarcomatosis, that
/// 1.2 makes the disease ineligible for radical treatment).
/// </summary>
internal sealed class NonSurgicalLocalTherapyReferralEvaluator : RecommendationEvaluator
{
    /// <summary>Creates the evaluator.</summary>
    public NonSurgicalLocalTherapyReferralEvaluator()
        : base("10.1", Indication.LiverResectionCandidacy.Requirements.Concat(Indication.IndicationCriteria.RecurrenceRequirements).Concat(Biopsy.OriginUncertaintyAssessment.Requirements).Concat(new[]
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
            return result.DoesNotApply(new Message("10.1.no-liver-metastasis"));
        }

        // The candidacy's basis is worded by the Indication folder (a string for now).
        var basis = ("basis", (object?)candidacy.CandidateBasisMessage);
        result.Facts(candidacy.Findings.Skip(1));
        switch (candidacy.Candidate)
        {
            case TriState.Yes:
                // Outside the voted indications (extrahepatic disease beyond the lung): surgery is the board's individual
                // decision, so 10.1 is set aside only while the board considers it (issue #7, sixth read F2).
                return result.DoesNotApply(Message.Of(candidacy.IndividualBoardDecision ? "10.1.candidate-individual" : "10.1.candidate", basis));
            case TriState.Unknown:
                return result.Missing(candidacy.CandidateMissing).Insufficient(Message.Of("10.1.candidacy-unknown", basis));
        }

        // A liver recurrence below the 9.1 interval: section 3.9 considers local treatment, "by either surgery or ablative
        // techniques", only with a long TFI; systemic treatment comes first (9.2) and the board reassesses both after it.
        switch (candidacy.ReassessAfterSystemicTreatment)
        {
            case TriState.Yes:
                return result.DoesNotApply(Message.Of("10.1.reassess-after-systemic", basis));
            case TriState.Unknown:
                return result.Missing(candidacy.CandidateMissing).Insufficient(Message.Of("10.1.reassess-undecided", basis));
        }

        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            result.Fact(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Message);

            var diffuse = omd.FailingCriteriaMessages.Where(c => c.Code == OligometastaticAssessment.DiffuseCode).ToArray();
            result.Caution(omd.DiffuseInvolvementPresent
                ? Message.Of("10.1.diffuse-sarcomatosis", ("diffuse", Message.Of("10.1.diffuse-list", ("diffuse", diffuse))), ("count", diffuse.Length))
                : Message.Of("10.1.not-oligometastatic", ("criteria", omd.FailingCriteriaMessages)));

            // Section 3.1's caveat, where peritoneal sarcomatosis is what excludes OMD: "in selected cases, peritoneal
            // disease may be amenable to radical therapy". A case caution (its code's prefix), so it reaches the first
            // screen beside the line peritoneal disease decides (issue #7, fifth read F9).
            if (omd.DiffuseInvolvementPresent && context.Patient.Metastases?.Diffuse.Peritoneal == true)
            {
                result.Caution(Message.Of("oligometastasis.caution.peritoneal-selected-cases"));
            }
        }

        var focal = FocalTherapyAssessment.Assess(context);
        result.Facts(focal.Findings);
        foreach (var caution in focal.CautionMessages)
        {
            result.Caution(caution);
        }

        var unrecorded = focal.Contraindications.Where(c => c.Present is null).Select(c => c.NameMessage).ToArray();
        if (unrecorded.Length > 0)
        {
            result.Caution(Message.Of("10.1.contraindications-not-recorded", ("names", unrecorded)));
        }

        if (context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            result.Fact(FactNames.SystemicTherapyResponse, "progressive-disease", new Message("10.1.progressing"), source: "section 3.10");
        }

        if (context.Patient.LiverSurgery.MajorHepatectomyPlanned == true)
        {
            result.Caution(new Message("10.1.major-hepatectomy-planned"));
        }

        // A lesion of uncertain origin (3.1's examples: long DFI, HCC risk factors, colorectal or other cancer) considered
        // for ablation: the diagnosis is not confirmed, and ablation leaves no specimen (section 3.10: "to achieve cell
        // death"; section 3.3: other histologies "should be considered before planning"): said where 10.1 applies (sixth
        // read F7), as a fact: the paper's biopsy recommendations are written for resection, and whether to confirm the
        // diagnosis first is for 10.1's meeting (seventh read F3). Only a known uncertainty is said; an undetermined one is
        // not read as "not in doubt".
        var origin = context.OriginUncertainty;
        if (origin.Status == TriState.Yes)
        {
            result.Facts(new[] { origin.Findings[0] });
            result.Caution(new Message("10.1.origin-uncertain-before-ablation"));
        }

        // Disseminated disease: the referral is for local approaches alongside the mainstay, systemic therapy.
        // Outside OMD the paper describes no local treatment with radical intent (1.2; section 3.1): the summary says so.
        return result.Applies(Message.Of("10.1.applies", basis, ("disseminated", omd.Status == TriState.No), ("diffuse", omd.DiffuseInvolvementPresent)));
    }
}
