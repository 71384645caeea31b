using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.FocalTherapy;

/// <summary>How strongly a condition weighs against focal therapy (section 3.10).</summary>
public enum ContraindicationSeverity
{
    /// <summary>Absolute: focal therapy should not be done while it is present.</summary>
    Absolute,

    /// <summary>Relative: to be discussed weighing risk and benefit, considering the specific treatment strategy.</summary>
    Relative,
}

/// <summary>Where the contraindications to focal therapy stand for a patient.</summary>
public enum FocalTherapyContraindicationStatus
{
    /// <summary>An absolute contraindication is present.</summary>
    AbsoluteContraindication,

    /// <summary>No absolute contraindication is present, but a relative one is: the risk–benefit ratio needs discussion.</summary>
    RelativeContraindication,

    /// <summary>All four contraindications are recorded as absent.</summary>
    NoneRecorded,

    /// <summary>None is recorded as present, but at least one is unknown.</summary>
    Unknown,
}

/// <summary>One contraindication to focal therapy and whether the patient has it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FocalTherapyContraindication
{
    internal FocalTherapyContraindication(string fact, string code, ContraindicationSeverity severity, bool? present)
    {
        Fact = fact;
        NameMessage = new Message("focal-therapy.contraindication." + code);
        Severity = severity;
        Present = present;
    }

    /// <summary>Gets the fact's name (see <see cref="Model.FactNames"/>).</summary>
    public string Fact { get; }

    /// <summary>Gets the contraindication as section 3.10 words it, as a message of the catalogue.</summary>
    public Message NameMessage { get; }

    /// <summary>Gets the contraindication as section 3.10 words it, in English.</summary>
    public string Name => NameMessage.Text;

    /// <summary>Gets whether it is absolute or relative.</summary>
    public ContraindicationSeverity Severity { get; }

    /// <summary>Gets whether the patient has it; <see langword="null"/> when unknown.</summary>
    public bool? Present { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({(Severity == ContraindicationSeverity.Absolute ? "absolute" : "relative")}): {(Present is null ? "unknown" : Present.Value ? "present" : "absent")}";
}
