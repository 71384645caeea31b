using System.IO;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks;

/// <summary>
/// The console sample's per-patient path (one line of a batch): parse the patient JSON, evaluate, write the report
/// as one line. Baseline: parsing alone, measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);
    private readonly ConsensusEngine engine = new();
    private string json = string.Empty;
    private Patient patient = null!;

    /// <summary>Loads the bundled example patient.</summary>
    [GlobalSetup]
    public void Setup()
    {
        json = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "patients", "metachronous-liver-omd.json"));
        patient = PatientJson.Parse(json);
    }

    /// <summary>Baseline: parse and validate the patient document.</summary>
    /// <returns>The patient.</returns>
    [Benchmark(Baseline = true)]
    public Patient Parse() => PatientJson.Parse(json);

    /// <summary>Write the report of an already parsed and evaluated patient.</summary>
    /// <returns>The report's length.</returns>
    [Benchmark]
    public int SerializeReport() => ReportJson.Serialize(engine.Evaluate(patient, AsOf), JsonLayout.SingleLine).Length;

    /// <summary>Write the report of an already parsed patient straight to a stream, as the batch command does.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark]
    public long WriteReportToStream()
    {
        using var stream = new MemoryStream();
        ReportJson.Write(stream, engine.Evaluate(patient, AsOf), JsonLayout.SingleLine);
        return stream.Length;
    }

    /// <summary>Parse, evaluate and write one line: a batch line end to end.</summary>
    /// <returns>The report's length.</returns>
    [Benchmark]
    public int ParseEvaluateSerialize() => ReportJson.Serialize(engine.Evaluate(PatientJson.Parse(json), AsOf), JsonLayout.SingleLine).Length;

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
