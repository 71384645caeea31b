using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>The repository's JSON Schemas, loaded once, and a validation helper that lists every error.</summary>
internal static class Schemas
{
    private static readonly Lazy<JsonSchema> PatientSchema = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.PatientSchemaPath)));
    private static readonly Lazy<JsonSchema> ReportSchema = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.ReportSchemaPath)));
    private static readonly Lazy<JsonSchema> CompactReportSchema = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.CompactReportSchemaPath)));

    public static JsonSchema Patient => PatientSchema.Value;

    public static JsonSchema Report => ReportSchema.Value;

    public static JsonSchema CompactReport => CompactReportSchema.Value;

    /// <summary>Validates a document and returns its errors (empty when valid), each as "instance-location: message".</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }

        var errors = new[] { results }.Concat(results.Details ?? Enumerable.Empty<EvaluationResults>())
            .Where(r => r.Errors is not null)
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation} ({r.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToArray();
        return errors.Length > 0 ? errors : new[] { "invalid (no detail)" };
    }

    public static void AssertValid(JsonSchema schema, string json, string what)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, what + " does not match its schema:\n" + string.Join("\n", errors));
    }
}
