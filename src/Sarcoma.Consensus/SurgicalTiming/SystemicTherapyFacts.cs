using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>Sentences about systemic therapy for the timing recommendations (8.1–8.3).</summary>
internal static class SystemicTherapyFacts
{
    /// <summary>The response in prose.</summary>
    /// <param name="response">The response.</param>
    /// <returns>"partial response" etc.</returns>
    public static string Name(TreatmentResponse response) => response switch
    {
        TreatmentResponse.CompleteResponse => "complete response",
        TreatmentResponse.PartialResponse => "partial response",
        TreatmentResponse.StableDisease => "stable disease",
        _ => "progressive disease",
    };

    /// <summary>Records whether systemic therapy was received and its best response, when known.</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <param name="result">The builder.</param>
    public static void Record(TreatmentHistory treatment, ResultBuilder result)
    {
        switch (treatment.SystemicTherapyReceived)
        {
            case true:
                var response = treatment.SystemicTherapyResponse;
                result.Fact(FactNames.SystemicTherapyReceived, "yes", response is { } r
                    ? $"Systemic therapy received; best response: {Name(r)}."
                    : "Systemic therapy received; best response not recorded.");
                break;
            case false:
                result.Fact(FactNames.SystemicTherapyReceived, "no", treatment.InductionTherapyPlanned == true
                    ? "No systemic therapy received yet; induction systemic therapy is planned."
                    : "No systemic therapy received yet.");
                break;
            default:
                if (treatment.InductionTherapyPlanned == true)
                {
                    result.Fact(FactNames.InductionTherapyPlanned, "yes", "Induction systemic therapy is planned.");
                }

                break;
        }
    }
}
