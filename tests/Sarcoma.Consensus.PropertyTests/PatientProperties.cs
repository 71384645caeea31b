using System;
using System.Diagnostics;
using System.Linq;
using CsCheck;
using NodaTime.Text;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;
using Xunit.Abstractions;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// Generated patients, made with object initialisers and with the builder: only documented exceptions escape, the
/// output is deterministic, there are 34 results in catalog order, and insufficient data is reported exactly when facts
/// are missing.
/// </summary>
public sealed class PatientProperties
{
    private readonly ITestOutputHelper output;

    public PatientProperties(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Patients_made_with_object_initialisers_get_a_report_or_a_validation_error_and_every_report_holds()
    {
        var watch = Stopwatch.StartNew();
        var evaluated = new ReportChecks.Counter();
        var rejected = new ReportChecks.Counter();

        Action<Patient, NodaTime.LocalDate> check = (patient, asOf) =>
        {
            if (ReportChecks.EvaluateOrReject(patient, asOf, evaluated, rejected) is { } report)
            {
                ReportChecks.Holds(report, patient, asOf);
            }
        };
        PatientGenerators.Initialised.Sample(
            check,
            iter: FuzzSettings.Patients,
            seed: FuzzSettings.Seed,
            print: Print);

        output.WriteLine($"object initialisers: {FuzzSettings.Patients} patients, {evaluated.Value} evaluated, {rejected.Value} rejected by the validator, 0 unexpected exceptions, {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Patients_made_with_the_builder_get_a_report_or_a_validation_error_and_equal_calls_give_equal_patients()
    {
        var watch = Stopwatch.StartNew();
        long built = 0, refused = 0;
        var evaluated = new ReportChecks.Counter();
        var rejected = new ReportChecks.Counter();

        Action<BuilderGenerators.Step[], NodaTime.LocalDate> check =
            (steps, asOf) =>
            {
                Patient patient;
                try
                {
                    patient = Build(steps);
                }
                catch (PatientValidationException e) when (e.Errors.Count > 0)
                {
                    System.Threading.Interlocked.Increment(ref refused);
                    return;
                }
                catch (ArgumentOutOfRangeException e) when (e.ParamName == "count")
                {
                    // AddLesions documents it for a negative count or more than 1,000.
                    System.Threading.Interlocked.Increment(ref refused);
                    return;
                }

                System.Threading.Interlocked.Increment(ref built);
                var again = Build(steps);
                ReportChecks.Require(patient.Equals(again) && patient.GetHashCode() == again.GetHashCode(), "two patients built by the same calls are equal");
                if (ReportChecks.EvaluateOrReject(patient, asOf, evaluated, rejected) is { } report)
                {
                    ReportChecks.Holds(report, patient, asOf);
                }
            };
        BuilderGenerators.Steps.Sample(
            check,
            iter: FuzzSettings.Patients,
            seed: FuzzSettings.Seed,
            print: t => "as of " + LocalDatePattern.Iso.Format(t.Item2) + ": Patient.Builder()." + string.Join(".", t.Item1.Select(s => s.Text)) + ".Build()");

        output.WriteLine($"builder: {FuzzSettings.Patients} call sequences, {built} patients built, {refused} refused by Build(), {evaluated.Value} evaluated, {rejected.Value} rejected by the engine's validation (asOf), 0 unexpected exceptions, {watch.Elapsed.TotalSeconds:0.0} s");
    }

    internal static string Print((Patient Patient, NodaTime.LocalDate AsOf) value)
    {
        string json;
        try
        {
            json = PatientJson.Serialize(value.Patient, JsonLayout.SingleLine);
        }
        catch (PatientValidationException e)
        {
            json = "(invalid patient: " + e.Message + ") " + value.Patient;
        }

        return "as of " + LocalDatePattern.Iso.Format(value.AsOf) + ": " + json;
    }

    private static Patient Build(BuilderGenerators.Step[] steps)
    {
        var builder = Patient.Builder();
        foreach (var step in steps)
        {
            step.Apply(builder);
        }

        return builder.Build();
    }
}
