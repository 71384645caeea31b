using System;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>The hand-written if/else floor of the 9 decisions: the cheapest correct code, the benchmarks' baseline.</summary>
public static class HandWrittenDecisions
{
    private const EvaluationStatus A = EvaluationStatus.Applies;
    private const EvaluationStatus D = EvaluationStatus.DoesNotApply;
    private const EvaluationStatus I = EvaluationStatus.InsufficientData;

    /// <summary>Extracts the facts into <paramref name="facts"/> and decides the 9 statuses into <paramref name="statuses"/> (<see cref="DecisionFacts.Ids"/> order).</summary>
    public static void Evaluate(Patient patient, DecisionFacts facts, Span<EvaluationStatus> statuses)
    {
        DecisionFacts.Extract(patient, facts);
        Decide(facts, statuses);
    }

    /// <summary>The decision rules over the facts.</summary>
    public static void Decide(DecisionFacts f, Span<EvaluationStatus> s)
    {
        s[0] = f.Omd == 1 ? A : f.Omd == 0 ? D : I;
        s[1] = f.Diffuse == 1 ? A : f.Diffuse == 0 ? D : I;
        s[2] = f.Timing == 2 || f.Omd == 0 ? D : f.Timing == 1 && f.Omd == 1 ? A : I;
        s[3] = f.Timing == 1 || f.Omd == 0 ? D : f.Timing == 2 && f.Omd == 1 ? A : I;

        // 8.1: metachronous OMD with resectable liver metastases, fit, not a liver recurrence.
        var against81 = f.Recurrence == 1 || f.Timing == 1 || f.Omd == 0 || f.HasLiver == 0
            || (f.HasLiver == 1 && f.LiverResectable == 0) || f.Fitness == 0;
        var known81 = f.Timing == 2 && f.Omd == 1 && f.HasLiver == 1 && f.LiverResectable == 1 && f.Recurrence == 0;
        s[6] = against81 ? D : known81 ? A : I;

        // 5.3: 8.1 confined to the liver.
        s[4] = against81 || (f.HasLiver == 1 && f.Extrahepatic > 0) ? D : known81 ? A : I;

        // 5.4: liver plus lung only, every lesion resectable; liver-only lesions decide nothing while the staging that
        // defines OMD is unconfirmed (lung disease unknown, sixth read).
        var against54 = f.Recurrence == 1 || f.Timing == 1 || f.Omd == 0 || f.HasLiver == 0
            || (f.HasLiver == 1 && ((f.Extrahepatic == 0 && f.StagingUnconfirmed == 0) || f.BeyondLung > 0 || f.AllResectable == 0)) || f.Fitness == 0;
        s[5] = against54 ? D : f.Timing == 2 && f.Omd == 1 && f.HasLiver == 1 && f.AllResectable == 1 && f.Recurrence == 0 ? A : I;

        // 8.2: synchronous OMD with liver metastases.
        s[7] = f.Timing == 2 || f.Omd == 0 || f.HasLiver == 0 ? D : f.Timing == 1 && f.Omd == 1 && f.HasLiver == 1 ? A : I;

        // 9.1: liver recurrence with OMD, TFI longer than the minimum, good ECOG, resectable liver lesions, fit.
        var against91 = f.PreviousResection == 0 || f.HasLiver == 0 || f.PrecedesResection || f.Omd == 0 || f.Window == 0
            || f.Ecog > 1 || f.LiverResectable == 0 || f.Fitness == 0;
        s[8] = against91 ? D : f.Recurrence == 1 && f.Omd == 1 && f.Window == 1 && f.Ecog >= 0 ? A : I;
    }
}
