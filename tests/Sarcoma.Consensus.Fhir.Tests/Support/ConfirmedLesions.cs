using Sarcoma.Consensus.Fhir.Mapping;
using Sarcoma.Consensus.Fhir.Questionnaires;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>
/// The mapped patient once a clinician has confirmed that staging found no lesion other than the record's
/// (<see cref="McodeMapping.PendingLesions"/>): for tests of other questions that answer about a listed lesion.
/// </summary>
internal static class ConfirmedLesions
{
    public static Patient Patient(McodeMapping mapping) => MissingFactsQuestionnaire.WithLesions(mapping.Patient, mapping.PendingLesions);
}
