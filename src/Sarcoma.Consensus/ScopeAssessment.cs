using Sarcoma.Consensus.Model;

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
    private ScopeAssessment(bool? inScope, string? outOfScopeReason, string? note)
    {
        InScope = inScope;
        OutOfScopeReason = outOfScopeReason;
        Note = note;
    }

    /// <summary>Gets whether the patient is in scope: <see langword="null"/> when the histology is unknown or unclassified.</summary>
    public bool? InScope { get; }

    /// <summary>Gets why the patient is out of scope, or <see langword="null"/>. It names the histology: treat it as patient data and do not log it.</summary>
    public string? OutOfScopeReason { get; }

    /// <summary>Gets a note when scope could not be confirmed (histology unknown or unclassified), or <see langword="null"/>.</summary>
    public string? Note { get; }

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
                $"Histology unknown ({FactNames.PrimaryHistology}): the recommendations were evaluated, but they apply only to soft-tissue sarcoma other than GIST; confirm the histology.");
        }

        if (histology.Scope == HistologyScope.Unclassified)
        {
            return new ScopeAssessment(
                null,
                null,
                $"Histology not classified ({FactNames.PrimaryHistology}): its code is not in the histology classification table (docs/histology.md), so scope cannot be confirmed; the recommendations were evaluated, but they apply only to soft-tissue sarcoma other than GIST. Confirm the histology, or add the code to a HistologyMap.");
        }

        return histology.IsInScope
            ? new ScopeAssessment(true, null, null)
            : new ScopeAssessment(false, histology.OutOfScopeReason, null);
    }
}
