using System;

namespace Sarcoma.Consensus.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // ≤, – and other characters of the guideline's wording must survive a Windows console.
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
