using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.SurgicalTiming;

/// <summary>
/// The systemic therapy received, as findings for the timing recommendations (8.1–8.3). The words are in
/// <c>Wording/en/surgical-timing.messages</c>.
/// </summary>
internal static class SystemicTherapyFacts
{
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message SurgicalTimingSystemicTherapyReceivedResponseUnknownMessage = new("surgical-timing.systemic-therapy-received-response-unknown");
    private static readonly Message SurgicalTimingInductionPlannedMessage = new("surgical-timing.induction-planned");

    /// <summary>The prefix of the response terms (<c>surgical-timing.response.&lt;code&gt;</c>).</summary>
    public const string ResponseTerm = "surgical-timing.response";

    /// <summary>The response's code, as in JSON: <c>complete-response</c>, <c>partial-response</c>, <c>stable-disease</c> or <c>progressive-disease</c>.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The code.</returns>
    public static string Code(TreatmentResponse response) => response switch
    {
        TreatmentResponse.CompleteResponse => "complete-response",
        TreatmentResponse.PartialResponse => "partial-response",
        TreatmentResponse.StableDisease => "stable-disease",
        _ => "progressive-disease",
    };

    /// <summary>Records whether systemic therapy was received and its best response, when known.</summary>
    /// <param name="treatment">The treatment history.</param>
    /// <param name="result">The builder.</param>
    public static void Record(TreatmentHistory treatment, ResultBuilder result)
    {
        switch (treatment.SystemicTherapyReceived)
        {
            case true:
                result.Fact(FactNames.SystemicTherapyReceived, "yes", treatment.SystemicTherapyResponse is { } response
                    ? Message.Of("surgical-timing.systemic-therapy-received", ("response", Code(response)))
                    : SurgicalTimingSystemicTherapyReceivedResponseUnknownMessage);
                break;
            case false:
                result.Fact(FactNames.SystemicTherapyReceived, "no", Message.Of("surgical-timing.no-systemic-therapy", ("inductionPlanned", treatment.InductionTherapyPlanned == true)));
                break;
            default:
                if (treatment.InductionTherapyPlanned == true)
                {
                    result.Fact(FactNames.InductionTherapyPlanned, "yes", SurgicalTimingInductionPlannedMessage);
                }

                break;
        }
    }
}
