using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Sarcoma.Consensus.Reporting.Tests.Browser;

/// <summary>
/// Debian's Chromium, run headless as a separate process for each page: no network (the background-networking flags
/// keep it from calling home), a fresh profile each time, console messages logged to standard error.
/// </summary>
/// <remarks>
/// The browser is <c>/usr/bin/chromium</c> (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it), or the path in
/// <c>SARCOMA_CHROMIUM</c>. Without it the browser tests are skipped with a message, except under CI (the environment
/// variable <c>CI</c> set), where they fail: a missing browser must not pass for a green run.
/// </remarks>
internal static class Chromium
{
    private static readonly Regex ConsoleLine = new(@":CONSOLE[:(]", RegexOptions.CultureInvariant);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable("SARCOMA_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    private static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Skips the calling test when there is no browser, or fails it under CI.</summary>
    public static void Require()
    {
        if (Executable is not null)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail("Chromium is required in CI for the browser tests: install it (apt-get install -y chromium) or set SARCOMA_CHROMIUM.");
        }

        Skip.If(true, "Chromium not found (/usr/bin/chromium or SARCOMA_CHROMIUM): browser tests skipped locally. Install it with apt-get install -y chromium.");
    }

    /// <summary>Loads a page in a window of the given size and returns the DOM after the load event, and the console messages.</summary>
    public static Result DumpDom(string htmlPath, int width = 1240, int height = 1754) =>
        Run("--dump-dom", "--window-size=" + width + "," + height, Url(htmlPath));

    /// <summary>Loads a page and saves a PNG of the window.</summary>
    public static Result Screenshot(string htmlPath, string pngPath, int width, int height) =>
        Run("--screenshot=" + pngPath, "--window-size=" + width + "," + height, "--hide-scrollbars", Url(htmlPath));

    /// <summary>Prints a page to PDF with its own page size (the report's @page rule).</summary>
    public static Result PrintToPdf(string htmlPath, string pdfPath) =>
        Run("--print-to-pdf=" + pdfPath, "--no-pdf-header-footer", Url(htmlPath));

    private static string Url(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static Result Run(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("sarcoma-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile.FullName,
                "--enable-logging=stderr", "--v=0", "--force-device-scale-factor=1",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s ({string.Join(' ', arguments)}).");
            }

            process.WaitForExit();
            var errors = stderr.Result;
            return new Result(
                process.ExitCode,
                stdout.Result,
                errors,
                errors.Split('\n').Where(line => ConsoleLine.IsMatch(line)).ToList());
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold the profile for a moment: a leftover temporary folder fails nothing.
            }
        }
    }

    /// <summary>What one run printed; <see cref="ConsoleMessages"/> are the page's console lines (errors, CSP violations, logs).</summary>
    internal sealed record Result(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> ConsoleMessages);
}
