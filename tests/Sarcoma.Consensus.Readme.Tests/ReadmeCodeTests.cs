using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sarcoma.Consensus.Readme.Tests;

/// <summary>
/// The README's C# blocks are what an integrator copies: each is a whole <c>Program.cs</c> that must compile on its own,
/// with its own usings (and those a new console app has implicitly), against the packages the README tells them to
/// reference, and no others, and run. Each block is preceded by <c>&lt;!-- packages: A, B --&gt;</c>, the packages it
/// needs; it is compiled alone against the .NET framework plus the assemblies those packages bring (their own and what
/// they reference), so a block that needs an unmentioned package, a using of another block or a variable of another
/// block fails here.
/// </summary>
public sealed class ReadmeCodeTests
{
    private static readonly string Root = FindRoot();
    private static readonly Regex FrameworkReference = new(@"<FrameworkReference\s+Include=""(?<name>[^""]+)""", RegexOptions.CultureInvariant);
    private static readonly Regex PackagesMarker = new(@"^<!--\s*packages:\s*(?<names>[^>]*?)\s*-->\s*$", RegexOptions.CultureInvariant);

    public static TheoryData<int> Blocks() => new(Enumerable.Range(1, ReadBlocks().Count));

    [Fact]
    public void The_readme_has_csharp_blocks_each_declaring_its_packages_by_names_the_text_mentions()
    {
        var blocks = ReadBlocks();
        var text = File.ReadAllText(Path.Combine(Root, "README.md"));

        Assert.True(blocks.Count >= 4, "expected the README's C# examples");
        foreach (var block in blocks)
        {
            Assert.True(block.Packages.Count > 0, $"The C# block at README.md line {block.Line} has no <!-- packages: ... --> marker.");
            foreach (var package in block.Packages)
            {
                // The reader is told, in visible text, to reference it.
                Assert.True(text.Contains("`" + package + "`", StringComparison.Ordinal), $"README.md never names the package `{package}` (block at line {block.Line}).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_on_its_own_with_the_packages_it_names(int number)
    {
        var block = ReadBlocks()[number - 1];
        var compilation = Compile(block);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"README.md C# block at line {block.Line} does not compile on its own against "
            + string.Join(", ", block.Packages) + ":\n" + string.Join("\n", errors) + "\n\n" + Source(block));
    }

    [Fact]
    public async Task Every_block_runs_on_its_own_and_prints_what_the_comments_promise()
    {
        // Each block runs as its own program, in order, in a scratch directory that sees the repository's samples, so its
        // relative paths work and the files it writes (report.html) land outside the repository. The minimal API
        // (app.Run() blocks until the host stops) runs on ASP.NET Core's TestServer: the program runs on its own thread
        // while this one sends the requests the README's comments answer, then stops the host.
        var scratch = Directory.CreateTempSubdirectory("readme-");
        Directory.CreateSymbolicLink(Path.Combine(scratch.FullName, "samples"), Path.Combine(Root, "samples"));
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        var webBlocks = 0;
        try
        {
            Environment.CurrentDirectory = scratch.FullName;
            Console.SetOut(output);
            foreach (var block in ReadBlocks())
            {
                using var image = new MemoryStream();
                var emitted = Compile(block).Emit(image);
                Assert.True(emitted.Success, $"README.md C# block at line {block.Line}:\n" + string.Join("\n", emitted.Diagnostics));
                image.Position = 0;

                using var web = block.Code.Contains("app.Run()", StringComparison.Ordinal) ? new ReadmeWebHost() : null;
                var context = new AssemblyLoadContext("readme-" + block.Line, isCollectible: true);
                try
                {
                    var entry = context.LoadFromStream(image).EntryPoint!;
                    var program = Task.Factory.StartNew(
                        () => entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() }),
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default);
                    if (web is not null)
                    {
                        webBlocks++;
                        var host = await web.StartedAsync(program);
                        await ReadmeWebHost.AssertMinimalApiAnswersAsPromisedAsync(host, Path.Combine(Root, "samples", "patients", "metachronous-liver-omd.json"));
                        host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
                    }

                    await program.WaitAsync(TimeSpan.FromMinutes(2));
                }
                finally
                {
                    context.Unload();
                }

                web?.Logs.AssertQuiet("Metachronous liver-only", "SECRET-LABEL", "37.5");
            }
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
        }

        Assert.Equal(1, webBlocks);
        var printed = output.ToString();
        Assert.Contains("Metachronous, OMD: Yes", printed, StringComparison.Ordinal);
        Assert.Contains("5.3 (V,B): ", printed, StringComparison.Ordinal);
        Assert.Contains("5.3: Applies", printed, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(Path.Combine(scratch.FullName, "report.html")), StringComparison.OrdinalIgnoreCase);
        scratch.Delete(recursive: true);
    }

    private static CSharpCompilation Compile(Block block)
    {
        var packages = block.Packages.Distinct(StringComparer.Ordinal).ToArray();
        var packageAssemblies = packages.SelectMany(PackageAssemblies).ToArray();
        // A package's own packages too (Sarcoma.Consensus.AspNetCore brings Sarcoma.Consensus.Json): their framework references flow.
        var allPackages = packages.Concat(packageAssemblies.Select(Path.GetFileNameWithoutExtension)).Distinct(StringComparer.Ordinal);
        var references = FrameworkAssemblies(allPackages!)
            .Concat(packageAssemblies)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "ReadmeProgram",
            new[] { CSharpSyntaxTree.ParseText(Source(block), new CSharpParseOptions(LanguageVersion.Latest), path: "README.md") },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// A block as the <c>Program.cs</c> of a new console app: the global usings <c>dotnet new console</c> turns on
    /// (ImplicitUsings; they are off in this repository), then the block as written. Nothing of another block.
    /// </summary>
    private static string Source(Block block)
    {
        var implicitUsings = new[] { "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
            .Select(n => $"global using global::{n};");
        return string.Join("\n", implicitUsings) + "\n" + block.Code;
    }

    /// <summary>
    /// The .NET shared framework's assemblies (what a console app references without any package), and those of every
    /// shared framework a named package of this repository declares as a <c>FrameworkReference</c> in its project file
    /// (<c>Sarcoma.Consensus.AspNetCore</c>: <c>Microsoft.AspNetCore.App</c>), as NuGet brings that framework into the app.
    /// </summary>
    private static IEnumerable<string> FrameworkAssemblies(IEnumerable<string> packages)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(framework))!; // dotnet/shared/<framework>/<version>
        var directories = new HashSet<string>(StringComparer.Ordinal) { framework };
        foreach (var package in packages)
        {
            var project = Path.Combine(Root, "src", package, package + ".csproj");
            if (!File.Exists(project))
            {
                continue;
            }

            foreach (Match reference in FrameworkReference.Matches(File.ReadAllText(project)))
            {
                var versions = Path.Combine(shared, reference.Groups["name"].Value);
                Assert.True(Directory.Exists(versions), $"{package} references the shared framework {reference.Groups["name"].Value}, which this test does not run on.");
                directories.UnionWith(TrustedPlatformAssemblies.Select(Path.GetDirectoryName).Where(d => d!.StartsWith(versions + Path.DirectorySeparatorChar, StringComparison.Ordinal))!);
            }
        }

        return TrustedPlatformAssemblies.Where(p => directories.Contains(Path.GetDirectoryName(p)!));
    }

    /// <summary>
    /// A package's assembly and, transitively, the non-framework assemblies it references: from this test's output, or,
    /// where the SDK let a shared framework's newer copy of a Microsoft.Extensions assembly win (this test runs on
    /// ASP.NET Core for the minimal API), that copy alone.
    /// </summary>
    private static IEnumerable<string> PackageAssemblies(string package)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(package);
        while (pending.Count > 0)
        {
            var path = Locate(pending.Pop());
            if (path is null || !found.Add(path))
            {
                continue; // a framework assembly, or already seen
            }

            foreach (var reference in Referenced(path))
            {
                pending.Push(reference);
            }
        }

        Assert.True(found.Count > 0, $"The package `{package}` named in README.md is not an assembly of this test's output.");
        return found;
    }

    private static string? Locate(string assemblyName)
    {
        var local = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        if (File.Exists(local))
        {
            return local;
        }

        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return TrustedPlatformAssemblies.FirstOrDefault(p =>
            string.Equals(Path.GetFileNameWithoutExtension(p), assemblyName, StringComparison.Ordinal) &&
            assemblyName.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) &&
            !string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal));
    }

    private static string[] TrustedPlatformAssemblies =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);

    private static string[] Referenced(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
    }

    private static IReadOnlyList<Block> ReadBlocks()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            var packages = Array.Empty<string>();
            for (var back = i - 1; back >= Math.Max(0, i - 3); back--)
            {
                var marker = PackagesMarker.Match(lines[back].Trim());
                if (marker.Success)
                {
                    packages = marker.Groups["names"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                }
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            blocks.Add(new Block(start, packages, string.Join("\n", lines[start..end])));
            i = end;
        }

        return blocks;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Sarcoma.Consensus.sln) was not found.");
    }

    private sealed record Block(int Line, IReadOnlyList<string> Packages, string Code);
}
