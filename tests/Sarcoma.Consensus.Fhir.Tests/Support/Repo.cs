using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>Finds the repository's files and the shared fixtures (<c>../shared</c> beside the clone).</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootDirectory = new(() =>
        FindRoot(ThisFile()) ?? FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("Sarcoma.Consensus.sln not found above the test sources, the test assembly or the working directory."));

    public static string Root => RootDirectory.Value;

    public static string SamplePatients => Path.Combine(Root, "samples", "patients");

    public static string SampleBundles => Path.Combine(Root, "samples", "fhir");

    /// <summary>The shared public mCODE fixtures (<c>../shared/fixtures/fhir</c>).</summary>
    public static string SharedFhirFixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "fhir"));

    public static string SharedFixture(string relative) => Path.Combine(SharedFhirFixtures, relative);

    public static IReadOnlyList<string> SampleNames() =>
        Directory.GetFiles(SamplePatients, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public static TheoryData<string> SampleData()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleNames())
        {
            data.Add(name);
        }

        return data;
    }

    private static string? FindRoot(string? start)
    {
        for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string? ThisFile([CallerFilePath] string path = "") => File.Exists(path) ? Path.GetDirectoryName(path) : null;
}
