using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>Finds the repository's files from the test sources, wherever the tests run.</summary>
internal static class RepositoryFiles
{
    // [CallerFilePath] gives the source path at compile time; under CI=true (ContinuousIntegrationBuild) the compiler
    // maps it to "/_/…", so fall back to the test assembly's folder, which lies inside the repository too.
    private static readonly Lazy<string> RootDirectory = new(() =>
        FindRoot(ThisFile()) ?? FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("Sarcoma.Consensus.sln not found above the test sources, the test assembly or the working directory."));

    public static string Root => RootDirectory.Value;

    public static string PatientSchemaPath => Path.Combine(Root, "docs", "schema", "patient.schema.json");

    public static string ReportSchemaPath => Path.Combine(Root, "docs", "schema", "report.schema.json");

    public static string CompactReportSchemaPath => Path.Combine(Root, "docs", "schema", "report-compact.schema.json");

    public static string BatchRejectionSchemaPath => Path.Combine(Root, "docs", "schema", "batch-rejection.schema.json");

    public static string SamplesDirectory => Path.Combine(Root, "samples", "patients");

    public static IReadOnlyList<string> SampleFiles =>
        Directory.GetFiles(SamplesDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    /// <summary>The sample file names, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleFiles)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static string Sample(string name) => File.ReadAllText(Path.Combine(SamplesDirectory, name));

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string? FindRoot(string start)
    {
        for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Sarcoma.Consensus.sln")))
            {
                return directory;
            }
        }

        return null;
    }
}
