using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sarcoma.Consensus;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

// Native-AOT smoke test: reads the bundled sample patient with the strict JSON reader, evaluates it through the
// engine taken from the DI container and through the single-recommendation call, and writes the report as JSON.
// Exit code 0 only when all 34 recommendations were evaluated and both paths agree.
var asOf = new LocalDate(2026, 11, 26);

string json;
using (var stream = typeof(Program).Assembly.GetManifestResourceStream("metachronous-liver-omd.json")
    ?? throw new InvalidOperationException("The bundled sample patient is missing."))
using (var reader = new StreamReader(stream, Encoding.UTF8))
{
    json = reader.ReadToEnd();
}

var patient = PatientJson.Parse(json);

var services = new ServiceCollection();
services.AddSarcomaConsensus();
using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<IConsensusEvaluator>();

var report = engine.Evaluate(patient, asOf);
var single = engine.Evaluate(patient, asOf, "5.3");

var statuses = report.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key.ToCode()} {g.Count()}");
Console.Error.WriteLine($"AOT smoke: {report.Results.Count} recommendations evaluated ({string.Join(", ", statuses)}); 5.3 {single?.Status.ToCode()}.");
Console.Out.Write(ReportJson.Serialize(report));
Console.Out.WriteLine();

var agree = single is not null && single.Status == report["5.3"]!.Status && single.Findings.SequenceEqual(report["5.3"]!.Findings);
return report.Results.Count == 34 && engine.Evaluators.Count == 34 && agree ? 0 : 1;
