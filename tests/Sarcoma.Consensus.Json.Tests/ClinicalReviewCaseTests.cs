using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NodaTime;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>
/// The ten cases written for the independent clinical review of issue #7 (tests/cases/clinical-review): each keeps the
/// statuses the review checked.
/// </summary>
public sealed class ClinicalReviewCaseTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 26);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected().Keys.OrderBy(k => k, System.StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reviewed_statuses_hold(string name)
    {
        var patient = PatientJson.Parse(File.ReadAllText(Path.Combine(Folder(), name + ".json")));

        var report = ConsensusEngine.Default.Evaluate(patient, AsOf);

        foreach (var (id, status) in Expected()[name])
        {
            Assert.True(report[id]!.Status.ToCode() == status, $"{name}: {id} is {report[id]!.Status.ToCode()}, reviewed as {status}.");
        }
    }

    [Fact]
    public void Every_case_file_has_reviewed_statuses()
    {
        var files = Directory.EnumerateFiles(Folder(), "*.json").Select(Path.GetFileNameWithoutExtension).Where(n => n != "expected");

        Assert.Equal(files.OrderBy(n => n, System.StringComparer.Ordinal), Expected().Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    private static Dictionary<string, Dictionary<string, string>> Expected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "expected.json")));
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .ToDictionary(p => p.Name, p => p.Value.EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetString()!));
    }

    private static string Folder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "cases", "clinical-review"));
}
