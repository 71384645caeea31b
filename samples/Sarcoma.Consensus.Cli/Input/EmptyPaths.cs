using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sarcoma.Consensus.Cli.Input;

/// <summary>An empty path (<c>--out ""</c>) is a usage error naming the option, not a file-system error.</summary>
public static class EmptyPaths
{
    /// <summary>Adds an error for each path given as an empty string.</summary>
    /// <param name="result">The command's parse result.</param>
    /// <param name="paths">The path options and arguments, with the names to show.</param>
    public static void Check(CommandResult result, params (Symbol Symbol, string Name)[] paths)
    {
        System.ArgumentNullException.ThrowIfNull(result);
        System.ArgumentNullException.ThrowIfNull(paths);
        foreach (var (symbol, name) in paths)
        {
            var value = symbol switch
            {
                Option<string?> option => result.GetValue(option),
                Argument<string?> argument => result.GetValue(argument),
                _ => null,
            };
            if (value is not null && value.Trim().Length == 0)
            {
                result.AddError($"{name}: the path is empty; give a file.");
            }
        }
    }
}
