using System;
using NodaTime;

namespace Sarcoma.Consensus.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // ≤, – and other characters of the guideline's wording must survive a Windows console.
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        // The composition root: the only place the system clock is read ("today" when --as-of is omitted)
        // and the only place the real console is touched.
#pragma warning disable RS0030 // SystemClock is banned everywhere else; this is where it is injected.
        IClock clock = SystemClock.Instance;
#pragma warning restore RS0030
        var environment = new CliEnvironment(Console.Out, Console.Error, clock)
        {
            StderrIsTerminal = !Console.IsErrorRedirected,
        };
        return CliApp.Run(args, environment);
    }
}
