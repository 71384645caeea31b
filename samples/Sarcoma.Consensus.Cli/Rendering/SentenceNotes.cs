using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// Prints each sentence of the text report once. A sentence that the report would say more than once (a finding shared by
/// several recommendations, a caution attached to many) is numbered where it is first printed, <c>[3] …</c>, and later
/// places refer to it by its number.
/// </summary>
internal sealed class SentenceNotes
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> printed = new(StringComparer.Ordinal);

    /// <summary>Gets how many sentences are numbered so far.</summary>
    public int Numbered => numbers.Count;

    /// <summary>Counts a sentence the report will say (call for every place, before printing any).</summary>
    public void Count(string sentence) => counts[sentence] = counts.TryGetValue(sentence, out var n) ? n + 1 : 1;

    /// <summary>Gets the reference <c>[n]</c> of a numbered sentence printed already, or <see langword="null"/> when it is to be printed.</summary>
    public string? ReferenceTo(string sentence) => printed.Contains(sentence) && numbers.ContainsKey(sentence) ? Reference(sentence) : null;

    /// <summary>Gets how many places say the sentence.</summary>
    public int Occurrences(string sentence) => counts.TryGetValue(sentence, out var n) ? n : 0;

    private string Reference(string sentence) => "[" + numbers[sentence].ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Numbers a sentence ahead of the details (the bottom line refers to it), marking it printed when the bottom line printed it.</summary>
    /// <returns>Its reference, <c>[n]</c>.</returns>
    public string Pin(string sentence, bool printedInFull)
    {
        if (!numbers.ContainsKey(sentence))
        {
            numbers[sentence] = numbers.Count + 1;
        }

        if (printedInFull)
        {
            printed.Add(sentence);
        }

        return Reference(sentence);
    }

    /// <summary>Marks the sentence printed and returns it as it is to be printed: numbered when it is said more than once.</summary>
    public string Print(string sentence)
    {
        printed.Add(sentence);
        if (numbers.ContainsKey(sentence) || (counts.TryGetValue(sentence, out var n) && n > 1))
        {
            if (!numbers.ContainsKey(sentence))
            {
                numbers[sentence] = numbers.Count + 1;
            }

            return Reference(sentence) + " " + sentence;
        }

        return sentence;
    }
}
