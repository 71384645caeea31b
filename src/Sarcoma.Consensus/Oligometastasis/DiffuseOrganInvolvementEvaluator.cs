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
                .Insufficient(new Message("1.2.insufficient-data.no-metastases"));
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

            return result.Applies(new Message("1.2.applies"));
        }

        var unknown = Organs.Where((_, i) => values[i] is null).Select(o => o.Fact).ToArray();
        if (unknown.Length > 0)
        {
            return result.Missing(unknown)
                .Insufficient(new Message("1.2.insufficient-data"));
        }

        result.Fact(FactNames.DiffusePeritoneal, "no", new Message("omd.no-diffuse"), source: "1.2");
        return result.DoesNotApply(new Message("1.2.does-not-apply"));
    }
}
