using System.Collections.Generic;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// The problems found while mapping a patient document, in the order found, with a count of those that are only unknown
/// properties. An unknown property is ignored by the mapping, so the patient read without it is exactly the patient the
/// known properties describe: its consistency can still be checked, and the client learns every problem in one answer.
/// Any other problem (a wrong type, a repeated property, a lesion without a site) changes what was mapped, so checking
/// consistency after it could report problems the document does not have.
/// </summary>
/// <remarks>Mutable and not thread-safe: one per document read.</remarks>
internal sealed class ReadErrors
{
    private readonly List<ValidationError> errors = new();

    /// <summary>Gets the number of problems found.</summary>
    public int Count => errors.Count;

    /// <summary>Gets the number of those problems that are unknown properties.</summary>
    public int UnknownProperties { get; private set; }

    /// <summary>Gets a value indicating whether every problem found is an unknown property (also when there is none).</summary>
    public bool OnlyUnknownProperties => UnknownProperties == errors.Count;

    /// <summary>Records a problem that changes what was mapped.</summary>
    public void Add(ValidationError error) => errors.Add(error);

    /// <summary>Records an unknown property, which the mapping ignores.</summary>
    public void AddUnknownProperty(ValidationError error)
    {
        errors.Add(error);
        UnknownProperties++;
    }

    /// <summary>Gets the problems found, followed by <paramref name="more"/>.</summary>
    public IReadOnlyList<ValidationError> With(IReadOnlyList<ValidationError> more)
    {
        var all = new List<ValidationError>(errors.Count + more.Count);
        all.AddRange(errors);
        all.AddRange(more);
        return all;
    }
}
