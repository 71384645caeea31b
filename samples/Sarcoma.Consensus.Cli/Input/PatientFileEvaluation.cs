using System;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>Runs a step that evaluates a patient, turning an inconsistent record into an <see cref="InvalidInputException"/> naming the fields.</summary>
public static class PatientFileEvaluation
{
    /// <summary>Runs the step.</summary>
    /// <typeparam name="T">What it returns.</typeparam>
    /// <param name="path">The input file, for the message.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="step">The step.</param>
    /// <returns>The step's result.</returns>
    /// <exception cref="InvalidInputException">The record does not fit the evaluation date, or is inconsistent.</exception>
    public static T Guard<T>(string path, LocalDate asOf, Func<T> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            return step();
        }
        catch (PatientValidationException e)
        {
            throw new InvalidInputException(
                $"{path}: the patient record does not fit the evaluation date {LocalDatePattern.Iso.Format(asOf)} ({InputErrors.Problems(e.Errors.Count)}):",
                InputErrors.Lines(e.Errors));
        }
    }
}
