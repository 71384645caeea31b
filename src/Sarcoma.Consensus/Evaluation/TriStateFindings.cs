using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Evaluation;

/// <summary>
/// The three findings of a yes/no fact whose reason is one message with the value as its one argument (absent when the
/// value is unknown), made once per process: a result records the shared, immutable finding instead of building an equal
/// one (with its message and argument list) on every evaluation. Three entries, fixed by the code, whatever the input.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class TriStateFindings
{
    private readonly Finding yes;
    private readonly Finding no;
    private readonly Finding unknown;

    /// <summary>Creates the three findings.</summary>
    /// <param name="fact">The fact's name (see <see cref="Model.FactNames"/>).</param>
    /// <param name="code">The message code.</param>
    /// <param name="argument">The name of the message's one argument, the value (<see langword="true"/> or <see langword="false"/>; left out when unknown).</param>
    /// <param name="source">The source of the rule, if any.</param>
    public TriStateFindings(string fact, string code, string argument, string? source = null)
    {
        yes = new Finding(fact, ResultBuilder.Format(true), Message.Of(code, (argument, (bool?)true)), source: source);
        no = new Finding(fact, ResultBuilder.Format(false), Message.Of(code, (argument, (bool?)false)), source: source);
        unknown = new Finding(fact, ResultBuilder.Format((bool?)null), Message.Of(code, (argument, (bool?)null)), source: source);
    }

    /// <summary>Gets the finding for a value: the one built with <see cref="ResultBuilder.Format(bool?)"/> and the value as argument.</summary>
    /// <param name="value">The value; <see langword="null"/> when unknown.</param>
    /// <returns>The shared finding.</returns>
    public Finding For(bool? value) => value switch
    {
        true => yes,
        false => no,
        _ => unknown,
    };
}
