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
    private static readonly Finding NoDiffuseFinding = new(FactNames.DiffusePeritoneal, "no", new Message("omd.no-diffuse"), source: "1.2");
    private static readonly Message DoesNotApplyMessage = new("1.2.does-not-apply");

    private static readonly (string Fact, string Name)[] Organs =
    {
        (FactNames.DiffusePleural, "pleural"),
        (FactNames.DiffusePericardial, "pericardial"),
        (FactNames.DiffusePeritoneal, "peritoneal"),
        (FactNames.DiffuseLeptomeningeal, "leptomeningeal"),
    };

    private static readonly Finding[] PresentFindings = Organs
        .Select(o => new Finding(o.Fact, "yes", Message.Of("1.2.diffuse-present", ("organ", o.Name)), source: "1.2"))
        .ToArray();

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

        // Loops over the four organs (no arrays or closures per evaluation); the findings carry no patient value beyond
        // the organ, so they are made once per process.
        var diffuse = metastases.Diffuse;
        var anyPresent = false;
        for (var i = 0; i < Organs.Length; i++)
        {
            if (Value(diffuse, i) == true)
            {
                result.Facts(PresentFindings[i]);
                anyPresent = true;
            }
        }

        if (anyPresent)
        {
            return result.Applies(AppliesMessage);
        }

        var anyUnknown = false;
        for (var i = 0; i < Organs.Length; i++)
        {
            if (Value(diffuse, i) is null)
            {
                result.Missing(Organs[i].Fact);
                anyUnknown = true;
            }
        }

        if (anyUnknown)
        {
            return result.Insufficient(InsufficientDataMessage);
        }

        return result.Facts(NoDiffuseFinding).DoesNotApply(DoesNotApplyMessage);
    }

    // The recorded value for organ i of Organs.
    private static bool? Value(DiffuseInvolvement diffuse, int organ) => organ switch
    {
        0 => diffuse.Pleural,
        1 => diffuse.Pericardial,
        2 => diffuse.Peritoneal,
        _ => diffuse.Leptomeningeal,
    };
}
