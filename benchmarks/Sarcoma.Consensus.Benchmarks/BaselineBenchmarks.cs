using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Sarcoma.Consensus.Benchmarks.Baselines;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Benchmarks;

/// <summary>
/// Issue #12: the 9 decisions (1.1, 1.2, 2.1, 2.2, 5.3, 5.4, 8.1, 8.2, 9.1) by a hand-written if/else floor (the baseline),
/// Microsoft RulesEngine, NRules and the engine's 9 evaluators; then all 34, JSON parsing and a batch line end to end.
/// Each operation runs over the 9 in-scope sample patients (samples/patients), and every time is per patient
/// (<c>OperationsPerInvoke</c>). The baselines agree with the engine on every status (<c>--agree</c>).
/// The JSON steps go the way <c>evaluate --batch</c> goes: each document read from its UTF-8 bytes
/// (<see cref="PatientJson.ReadDocument(ReadOnlyMemory{byte})"/>) and each report written into a reused buffer
/// (<see cref="ReportJson.Write(IBufferWriter{byte}, ConsensusReport, ReportJsonOptions)"/>) with the line number the
/// batch gives it. The string paths (<see cref="PatientJson.Parse(string)"/>, <see cref="ReportJson.Serialize(ConsensusReport, ReportJsonOptions)"/>)
/// are measured by <see cref="JsonBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private const int Patients = 9;
    private static readonly string[] NineIds = DecisionFacts.Ids;
    private readonly ConsensusEngine engine = new();
    private readonly DecisionFacts facts = new();
    private readonly EvaluationStatus[] statuses = new EvaluationStatus[9];
    private readonly ReportJsonOptions compact = new() { Layout = ReportLayout.Compact, Formatting = JsonLayout.SingleLine, LineNumber = 1 };
    private readonly ReportJsonOptions full = new() { Layout = ReportLayout.Full, Formatting = JsonLayout.SingleLine, LineNumber = 1 };
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
    private RulesEngineDecisions rulesEngine = null!;
    private NRulesDecisions nrules = null!;
    private IRecommendationEvaluator[] nine = null!;
    private Patient[] patients = null!;
    private ReadOnlyMemory<byte>[] utf8 = null!;
    private ConsensusReport[] reports = null!;

    /// <summary>Loads the in-scope sample patients and builds the rule engines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var documents = Directory.GetFiles(Path.Combine(Paths.RepositoryRoot(), "samples", "patients"), "*.json")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => engine.Evaluate(PatientJson.Parse(text), Cohort.AsOf).Scope.InScope != false)
            .ToArray();
        if (documents.Length != Patients)
        {
            throw new InvalidOperationException($"Expected {Patients} in-scope sample patients, found {documents.Length}.");
        }

        utf8 = documents.Select(text => new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text))).ToArray();
        patients = documents.Select(PatientJson.Parse).ToArray();
        reports = patients.Select(patient => engine.Evaluate(patient, Cohort.AsOf)).ToArray();
        rulesEngine = new RulesEngineDecisions();
        nrules = new NRulesDecisions();
        nine = EvaluatorRegistry.All.Where(e => NineIds.Contains(e.Recommendation.Id, StringComparer.Ordinal)).ToArray();
        _ = RulesEngineNine() + NRulesNine();
    }

    /// <summary>Baseline: the hand-written if/else of the 9 decisions (facts extracted from the patient, then decided).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Patients)]
    public int HandWrittenNine()
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            HandWrittenDecisions.Evaluate(patient, facts, statuses);
            sum += (int)statuses[8];
        }

        return sum;
    }

    /// <summary>The same facts and rules as a Microsoft RulesEngine 6.0.1 workflow.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int RulesEngineNine()
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            sum += (int)rulesEngine.Evaluate(patient)[8];
        }

        return sum;
    }

    /// <summary>The same facts and rules as NRules 1.0.4 rules, one session per patient.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int NRulesNine()
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            sum += (int)nrules.Evaluate(patient)[8];
        }

        return sum;
    }

    /// <summary>
    /// The engine's 9 evaluators only: an <see cref="EvaluationContext"/> (which validates the patient, as every
    /// evaluation does) and the 9 evaluators' results, with their findings and messages.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int EngineNine()
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            var context = new EvaluationContext(patient, Cohort.AsOf);
            foreach (var evaluator in nine)
            {
                sum += (int)evaluator.Evaluate(context).Status;
            }
        }

        return sum;
    }

    /// <summary>The engine, all 34 recommendations and the report's derived plans.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int EngineAll34()
    {
        var sum = 0;
        foreach (var patient in patients)
        {
            sum += engine.Evaluate(patient, Cohort.AsOf).Results.Count;
        }

        return sum;
    }

    /// <summary>Parsing and validating the patient's JSON document from its UTF-8 bytes, as a batch line is read.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int JsonParse()
    {
        var sum = 0;
        foreach (var bytes in utf8)
        {
            sum += PatientJson.ReadDocument(bytes).Patient.Metastases?.Lesions.Count ?? 0;
        }

        return sum;
    }

    /// <summary>Writing the compact single-line report of an already evaluated patient into a reused buffer (the writer alone).</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int CompactWrite()
    {
        var sum = 0;
        foreach (var report in reports)
        {
            output.ResetWrittenCount();
            ReportJson.Write(output, report, compact);
            sum += output.WrittenCount;
        }

        return sum;
    }

    /// <summary>A compact batch line end to end: read the UTF-8 line, evaluate all 34, write the compact single-line report into a reused buffer.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int CompactLine() => Lines(compact);

    /// <summary>A full-layout batch line end to end: as <see cref="CompactLine"/>, in the full layout.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public int FullLine() => Lines(full);

    private int Lines(ReportJsonOptions options)
    {
        var sum = 0;
        foreach (var bytes in utf8)
        {
            output.ResetWrittenCount();
            ReportJson.Write(output, engine.Evaluate(PatientJson.ReadDocument(bytes).Patient, Cohort.AsOf), options);
            sum += output.WrittenCount;
        }

        return sum;
    }
}
