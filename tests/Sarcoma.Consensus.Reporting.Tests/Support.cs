using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using NodaTime;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>Paths in the repository, found by walking up to the solution file.</summary>
internal static class Repo
{
    // From this source file's path ([CallerFilePath]); under CI=true the compiler may map it to "/_/…", so fall back to
    // the test assembly's folder, which lies inside the repository too.
    public static string Root { get; } =
        FindRoot(ThisFile()) ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Sarcoma.Consensus.sln not found above the test sources or the test assembly.");

    public static string Patient(string name) => Path.Combine(Root, "samples", "patients", name + ".json");

    public static IReadOnlyList<string> SampleNames() =>
        Directory.GetFiles(Path.Combine(Root, "samples", "patients"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal).ToList();

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

/// <summary>The sample patients rendered as the README's evaluation date.</summary>
internal static class Samples
{
    public static readonly LocalDate AsOf = new(2026, 11, 26);

    public static (ConsensusReport Report, Model.Patient Patient, string? Label) Evaluate(string name)
    {
        var document = PatientJson.ParseDocument(File.ReadAllText(Repo.Patient(name)));
        return (ConsensusEngine.Default.Evaluate(document.Patient, AsOf), document.Patient, document.Label);
    }

    public static string Html(string name)
    {
        var (report, patient, label) = Evaluate(name);
        return ReportHtml.Render(report, patient, new ReportHtmlOptions { Label = label });
    }
}

/// <summary>Parses a page with AngleSharp (an HTML5 parser), keeping every parse error the page causes.</summary>
internal static class Page
{
    public static (AngleSharp.Html.Dom.IHtmlDocument Document, IReadOnlyList<string> Errors) Parse(string html)
    {
        var errors = new List<string>();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        parser.Error += (_, e) =>
        {
            if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error)
            {
                errors.Add(error.Message + " at " + error.Position);
            }
        };
        var document = parser.ParseDocument(html);
        return (document, errors);
    }

    public static AngleSharp.Html.Dom.IHtmlDocument Document(string html) => Parse(html).Document;
}

/// <summary>Small patients for the layout tests, built in the order of the clinical story.</summary>
internal static class Vignettes
{
    public static readonly LocalDate AsOf = new(2026, 11, 26);

    public static Model.Patient Metachronous(Action<Model.PatientBuilder> lesions)
    {
        var builder = Model.Patient.Builder()
            .WithPrimary(Model.Histology.Leiomyosarcoma, Model.PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2022, 3, 14), grade: Model.HistologicGrade.G2)
            .Resected(on: new LocalDate(2022, 4, 20))
            .MetastasesDetectedOn(new LocalDate(2025, 9, 2));
        lesions(builder);
        return builder.NoDiffuseInvolvement().Build();
    }
}

/// <summary>A temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("sarcoma-reporting-tests-").FullName;
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
            // Best effort: a leftover temporary folder fails nothing.
        }
    }
}
