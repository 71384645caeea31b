using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Sarcoma.Consensus.Cli.Tests;

/// <summary>Paths in the repository, found by walking up to the solution file.</summary>
internal static class Repo
{
    // From this source file's path ([CallerFilePath]); under CI=true (ContinuousIntegrationBuild) the compiler may map
    // it to "/_/…", so fall back to the test assembly's folder, which lies inside the repository too.
    public static string Root { get; } =
        FindRoot(ThisFile()) ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Sarcoma.Consensus.sln not found above the test sources or the test assembly.");

    /// <summary>A sample patient: <c>samples/patients/NAME.json</c>.</summary>
    public static string Patient(string name) => Path.Combine(Root, "samples", "patients", name + ".json");

    public static string[] PatientFiles() => Directory.GetFiles(Path.Combine(Root, "samples", "patients"), "*.json");

    private static string ThisFile([CallerFilePath] string path = "") => path;

    private static string? FindRoot(string start)
    {
        var directory = Path.IsPathRooted(start) && Path.GetDirectoryName(start) is { } folder ? new DirectoryInfo(folder) : null;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}

/// <summary>A temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sarcoma-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder does not fail a test.
        }
    }
}
