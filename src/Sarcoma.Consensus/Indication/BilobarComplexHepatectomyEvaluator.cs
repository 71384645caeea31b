using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Recommendation 5.5 — NO CONSENSUS (57%): the panel voted on discouraging liver resection of OMD in patients with
/// bilobar liver metastases requiring complex hepatectomy (e.g. vascular involvement or central location).
/// "Applies" means only that the patient presents the scenario the proposal addressed — bilobar liver metastases (at
/// least two liver lesions, one reaching the left lobe and another the right lobe; a single lesion crossing the
/// midline is not bilobar disease, section 3.5 and the Discussion speak of bilobar metastases and spread), and at least
/// one liver lesion with vascular involvement or in a central location, not in disease known not to be oligometastatic (the
/// proposal speaks of "liver resection of OMD": that reason is then named first; an unknown OMD status changes nothing) —
/// never that resection is discouraged: the proposal was not adopted.
/// </summary>
internal sealed class BilobarComplexHepatectomyEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message AgainstNotComplexMessage = new("5.5.against.not-complex");
    private static readonly Message CautionFailedVoteMessage = new("5.5.caution.failed-vote");
    private static readonly Message CautionCaseByCaseMessage = new("5.5.caution.case-by-case");

    /// <summary>Creates the evaluator.</summary>
    public BilobarComplexHepatectomyEvaluator()
        : base("5.5", new[]
        {
            FactNames.Metastases, FactNames.NoEvidenceOfDisease, FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSegments, FactNames.LesionLobe,
            FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation,
        }.Concat(OligometastaticAssessment.Requirements).Distinct(System.StringComparer.Ordinal))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var noConsensus = Message.Of("indication.no-consensus", ("percent", Recommendation.Printed.AgreementPercent));
        if (context.HasLiverMetastases is not { } hasLiver)
        {
            return result.Missing(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions)
                .Insufficient(Message.Of("5.5.no-lesions", ("noConsensus", noConsensus)));
        }

        if (!hasLiver)
        {
            result.Facts(context.NoLiverMetastasisFinding);
            return result.DoesNotApply(Message.Of("5.5.no-liver-metastasis", ("noConsensus", noConsensus), ("noEvidence", context.NoEvidenceOfDisease)));
        }

        var liver = context.LiverLesions;
        var (bilobar, notBilobar) = BilobarComplexScenario.Bilobar(liver);
        var complex = BilobarComplexScenario.Complex(liver);
        result.Facts(new[]
        {
            context.LiverLocation,
            context.LiverVascularInvolvement,
            context.LiverCentralLocation,
        });

        // The proposal concerns "liver resection of OMD": disease known not to be oligometastatic is outside it, and that
        // is the reason named first (issue #7: the reason names the fact that decided).
        // Unknown OMD keeps the scenario as it is (the proposal did not pass; nothing is advised either way).
        var omd = context.Oligometastatic;
        var against = new List<Message>();
        if (omd.Status == TriState.No)
        {
            result.Fact(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Message);
            against.Add(Message.Of("indication.against.not-oligometastatic", ("criteria", IndicationCriteria.FailingCriteria(omd))));
        }

        if (notBilobar is not null)
        {
            against.Add(notBilobar);
        }

        if (complex == false)
        {
            against.Add(AgainstNotComplexMessage);
        }

        if (against.Count > 0)
        {
            return result.DoesNotApply(Message.Of("5.5.does-not-apply", ("noConsensus", noConsensus), ("reasons", against)));
        }

        if (bilobar is null || complex is null)
        {
            if (bilobar is null)
            {
                result.Missing(FactNames.LesionSegments, FactNames.LesionLobe);
            }

            if (complex is null)
            {
                result.Missing(FactNames.LesionVascularInvolvement, FactNames.LesionCentralLocation);
            }

            return result.Insufficient(Message.Of("5.5.insufficient", ("noConsensus", noConsensus)));
        }

        result.Caution(CautionFailedVoteMessage);
        result.Caution(BilobarComplexScenario.Section35Quote);
        result.Caution(CautionCaseByCaseMessage);
        return result.Applies(Message.Of("5.5.applies", ("noConsensus", noConsensus)));
    }
}
