using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Oligometastasis;

/// <summary>
/// Recommendation 1.2: malignant pleural, pericardial, peritoneal or leptomeningeal sarcomatosis excludes a patient
/// from being considered oligometastatic. Applies when any such involvement is present (the exclusion operates).
/// </summary>
internal sealed class DiffuseOrganInvolvementEvaluator : RecommendationEvaluator
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message InsufficientDataNoMetastasesMessage = new("1.2.insufficient-data.no-metastases");
    private static readonly Message AppliesMessage = new("1.2.applies");
    private static readonly Message InsufficientDataMessage = new("1.2.insufficient-data");
    private static readonly Message OmdNoDiffuseMessage = new("omd.no-diffuse");
    private static readonly Message DoesNotApplyMessage = new("1.2.does-not-apply");

    private static readonly (string Fact, string Name)[] Organs =
    {
        (FactNames.DiffusePleural, "pleural"),
        (FactNames.DiffusePericardial, "pericardial"),
        (FactNames.DiffusePeritoneal, "peritoneal"),
        (FactNames.DiffuseLeptomeningeal, "leptomeningeal"),
    };

    /// <summary>Creates the evaluator.</summary>
    public DiffuseOrganInvolvementEvaluator()
        : base("1.2", Organs.Select(o => o.Fact).Append(FactNames.Metastases))
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        if (context.Patient.Metastases is not { } metastases)
        {
            return result.Missing(Organs.Select(o => o.Fact))
                .Insufficient(InsufficientDataNoMetastasesMessage);
        }

        var diffuse = metastases.Diffuse;
        var values = new[] { diffuse.Pleural, diffuse.Pericardial, diffuse.Peritoneal, diffuse.Leptomeningeal };
        var present = Organs.Where((_, i) => values[i] == true).ToArray();
        if (present.Length > 0)
        {
            foreach (var (fact, name) in present)
            {
                result.Fact(fact, "yes", Message.Of("1.2.diffuse-present", ("organ", name)), source: "1.2");
            }

            return result.Applies(AppliesMessage);
        }

        var unknown = Organs.Where((_, i) => values[i] is null).Select(o => o.Fact).ToArray();
        if (unknown.Length > 0)
        {
            return result.Missing(unknown)
                .Insufficient(InsufficientDataMessage);
        }

        result.Fact(FactNames.DiffusePeritoneal, "no", OmdNoDiffuseMessage, source: "1.2");
        return result.DoesNotApply(DoesNotApplyMessage);
    }
}
