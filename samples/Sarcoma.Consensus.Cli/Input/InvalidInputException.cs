using System;
using System.Collections.Generic;
using System.IO;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>
/// Raised by a command when what it was given cannot be used: a missing or unreadable file, an invalid patient
/// document, a record inconsistent with the evaluation date. <see cref="CliApp"/> prints it and exits with
/// <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
/// <remarks>
/// The headline and the details name paths and fields, never a patient's values: they are built from file arguments,
/// <see cref="Model.ValidationError"/>s and fixed wording only.
/// </remarks>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="headline">One sentence, without the <c>error:</c> prefix.</param>
    /// <param name="details">One line per problem, for example <c>metastases.lesions[0].sizeMm: must be greater than 0.</c></param>
    public InvalidInputException(string headline, IReadOnlyList<string>? details = null)
        : base(headline)
    {
        Details = details ?? Array.Empty<string>();
    }

    /// <summary>Gets one line per problem.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Writes the headline, then each detail indented.</summary>
    /// <param name="stderr">The writer.</param>
    public void WriteTo(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine($"error: {Message}");
        foreach (var detail in Details)
        {
            stderr.WriteLine($"  {detail}");
        }
    }
}
