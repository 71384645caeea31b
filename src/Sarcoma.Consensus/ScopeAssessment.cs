using Sarcoma.Consensus.Model;

using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus;

/// <summary>
/// Whether the patient is within the guideline's scope: liver metastases of soft-tissue sarcoma, excluding GIST.
/// Out of scope is said, not guessed: GIST, bone sarcomas, non-sarcoma and non-malignant morphologies are out of scope
/// with a reason; an unknown histology, or a code the classification table does not hold, leaves scope unconfirmed
/// (see <c>docs/histology.md</c>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScopeAssessment
{
    private ScopeAssessment(bool? inScope, Message? outOfScopeReason, Message? note)
    {
        InScope = inScope;
        OutOfScopeReasonMessage = outOfScopeReason;
        NoteMessage = note;
    }

    /// <summary>Gets whether the patient is in scope: <see langword="null"/> when the histology is unknown or unclassified.</summary>
    public bool? InScope { get; }

    /// <summary>Gets why the patient is out of scope, or <see langword="null"/>. It names the histology: treat it as patient data and do not log it.</summary>
    public string? OutOfScopeReason => OutOfScopeReasonMessage?.Text;

    /// <summary>Gets <see cref="OutOfScopeReason"/> as a message (<c>scope.out.*</c>), or <see langword="null"/>.</summary>
    public Message? OutOfScopeReasonMessage { get; }

    /// <summary>Gets a note when scope could not be confirmed (histology unknown or unclassified), or <see langword="null"/>.</summary>
    public string? Note => NoteMessage?.Text;

    /// <summary>Gets <see cref="Note"/> as a message (<c>scope.note.*</c>), or <see langword="null"/>.</summary>
    public Message? NoteMessage { get; }

    /// <summary>Assesses a patient's scope from the histology of the primary tumour.</summary>
    /// <param name="patient">The patient.</param>
    /// <returns>The assessment.</returns>
    public static ScopeAssessment Assess(Patient patient)
    {
        var histology = patient.Primary?.Histology;
        if (histology is null)
        {
            return new ScopeAssessment(
                null,
                null,
                Message.Of("scope.note.histology-unknown", ("fact", FactNames.PrimaryHistology)));
        }

        if (histology.Scope == HistologyScope.Unclassified)
        {
            return new ScopeAssessment(
                null,
                null,
                Message.Of("scope.note.histology-unclassified", ("fact", FactNames.PrimaryHistology)));
        }

        return histology.IsInScope
            ? new ScopeAssessment(true, null, null)
            : new ScopeAssessment(false, histology.OutOfScopeReasonMessage, null);
    }
}
