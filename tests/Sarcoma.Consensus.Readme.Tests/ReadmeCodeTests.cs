using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Sarcoma.Consensus.Readme.Tests;

/// <summary>
/// The README's C# blocks are what an integrator copies: they must compile against the packages the README tells them
/// to reference, and no others, and run. The blocks read as one program, in order (a later block may use a variable of an
/// earlier one). Each block is preceded by <c>&lt;!-- packages: A, B --&gt;</c>, the packages it adds; block k is compiled
/// with the usings and statements of blocks 1..k against the .NET framework plus the assemblies those packages bring
/// (their own and what they reference), so a block that needs an unmentioned package fails here.
/// </summary>
public sealed class ReadmeCodeTests
{
    private static readonly string Root = FindRoot();
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
    public void Each_block_compiles_with_the_packages_the_readme_names_so_far(int count)
    {
        var blocks = ReadBlocks().Take(count).ToArray();
        var compilation = Compile(blocks);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, $"README.md C# block at line {blocks[^1].Line} (with the {count - 1} before it) does not compile against "
            + string.Join(", ", blocks.SelectMany(b => b.Packages).Distinct()) + ":\n" + string.Join("\n", errors) + "\n\n" + Source(blocks));
    }

    [Fact]
    public void The_whole_readme_program_runs_and_prints_what_the_comments_promise()
    {
        var blocks = ReadBlocks();
        var compilation = Compile(blocks);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        // Run it in a scratch directory that sees the repository's samples, so its relative paths work and the files it
        // writes (report.html) land outside the repository.
        var scratch = Directory.CreateTempSubdirectory("readme-");
        Directory.CreateSymbolicLink(Path.Combine(scratch.FullName, "samples"), Path.Combine(Root, "samples"));
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        var context = new AssemblyLoadContext("readme", isCollectible: true);
        try
        {
            Environment.CurrentDirectory = scratch.FullName;
            Console.SetOut(output);
            image.Position = 0;
            var entry = context.LoadFromStream(image).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
            context.Unload();
        }

        var printed = output.ToString();
        Assert.Contains("Metachronous, OMD: Yes", printed, StringComparison.Ordinal);
        Assert.Contains("5.3 (V,B): ", printed, StringComparison.Ordinal);
        Assert.Contains("5.3: Applies", printed, StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", File.ReadAllText(Path.Combine(scratch.FullName, "report.html")), StringComparison.OrdinalIgnoreCase);
        scratch.Delete(recursive: true);
    }

    private static CSharpCompilation Compile(IReadOnlyList<Block> blocks)
    {
        var references = FrameworkAssemblies()
            .Concat(blocks.SelectMany(b => b.Packages).Distinct(StringComparer.Ordinal).SelectMany(PackageAssemblies))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "ReadmeProgram",
            new[] { CSharpSyntaxTree.ParseText(Source(blocks), new CSharpParseOptions(LanguageVersion.Latest), path: "README.md") },
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The blocks as one program: their usings first (once each), then their statements in order.</summary>
    private static string Source(IEnumerable<Block> blocks)
    {
        var lines = blocks.SelectMany(b => b.Code.Split('\n')).ToArray();
        var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var ", StringComparison.Ordinal) && !l.Contains('('))
            .Distinct(StringComparer.Ordinal);
        var statements = lines.Where(l => !usings.Contains(l, StringComparer.Ordinal));
        // ImplicitUsings are off in this repository, but an integrator's new console app has them on.
        var implicitUsings = new[] { "System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks" }.Select(n => $"using {n};");
        return string.Join("\n", implicitUsings.Concat(usings).Distinct(StringComparer.Ordinal).Concat(statements));
    }

    /// <summary>The .NET shared framework's assemblies (what a console app references without any package).</summary>
    private static IEnumerable<string> FrameworkAssemblies()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal));
    }

    /// <summary>A package's assembly and, transitively, the non-framework assemblies it references.</summary>
    private static IEnumerable<string> PackageAssemblies(string package)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(package);
        while (pending.Count > 0)
        {
            var path = Path.Combine(AppContext.BaseDirectory, pending.Pop() + ".dll");
            if (!File.Exists(path) || !found.Add(path))
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
