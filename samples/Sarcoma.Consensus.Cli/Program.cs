using System;
using System.Runtime.InteropServices;
using NodaTime;

namespace Sarcoma.Consensus.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // ≤, – and other characters of the guideline's wording must survive a Windows console.
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        // The composition root: the only place the system clock and the machine's time zone are read ("today" when
        // --as-of is omitted), the only place the real console is touched, and the only place signals are handled.
#pragma warning disable RS0030 // SystemClock is banned everywhere else; this is where it is injected.
        IClock clock = SystemClock.Instance;
#pragma warning restore RS0030
        var interruption = new Interruption();

        // SIGINT and SIGTERM: a running batch stops after the line it is on, prints its summary and exits 130 or 143.
        // Outside a batch, or on a second signal, the process ends the usual way.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = interruption.TryRequest(ExitCodes.Interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = interruption.TryRequest(ExitCodes.Terminated));

        var environment = new CliEnvironment(Console.Out, Console.Error, clock)
        {
            StderrIsTerminal = !Console.IsErrorRedirected,
            Zone = LocalZone(),
            Interruption = interruption,
        };
        return CliApp.Run(args, environment);
    }

    // The machine's time zone: by its IANA id when the TZDB knows it, else as the operating system describes it.
    private static DateTimeZone LocalZone()
    {
        try
        {
            return DateTimeZoneProviders.Tzdb.GetSystemDefault();
        }
        catch (NodaTime.TimeZones.DateTimeZoneNotFoundException)
        {
            return DateTimeZoneProviders.Bcl.GetSystemDefault();
        }
    }
}
