using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;
using Sarcoma.Consensus.Benchmarks.Baselines;

namespace Sarcoma.Consensus.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Sarcoma.Consensus.Benchmarks -- --filter '*'</c>.
/// Other modes: <c>--agree [count] [seed]</c> (the baselines' agreement check, exit code 1 on a disagreement) and
/// <c>--generate PATH count [seed]</c> (a varied NDJSON batch input for the timed batch run) and <c>--profile [count] [seed]</c>
/// (a coarse per-step and per-evaluator stopwatch profile) and <c>--steps [count] [seed] [rounds]</c> (the CPU time of
/// each step of a batch line by the batch's byte paths, for comparing builds on a shared machine).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments, or a mode.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--agree")
        {
            return Agreement.Run(
                Paths.RepositoryRoot(),
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12);
        }

        if (args.Length > 0 && args[0] == "--profile")
        {
            return Profile.Run(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12);
        }

        if (args.Length > 0 && args[0] == "--steps")
        {
            return BatchSteps.Run(
                args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000,
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 12,
                args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5);
        }

        if (args.Length > 0 && args[0] == "--alloc")
        {
            return HotLoop.Alloc();
        }

        if (args.Length > 1 && args[0] == "--alloc-types")
        {
            return AllocationTypes.Run(args[1]);
        }

        if (args.Length > 2 && args[0] == "--hot")
        {
            return HotLoop.Hot(args[1], double.Parse(args[2], CultureInfo.InvariantCulture));
        }

        if (args.Length > 2 && args[0] == "--generate")
        {
            Cohort.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12);
            Console.WriteLine($"Wrote {args[2]} lines to {args[1]}.");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

/// <summary>Locates the repository.</summary>
public static class Paths
{
    /// <summary>The directory holding Sarcoma.Consensus.sln.</summary>
    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarcoma.Consensus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
