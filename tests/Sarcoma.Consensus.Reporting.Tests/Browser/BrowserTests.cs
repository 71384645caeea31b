using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Reporting.Tests.Browser;

/// <summary>
/// Every sample report opened in a real browser (headless Chromium): no console message (an error, a blocked load, a
/// Content-Security-Policy violation), a PNG of the first A4-sized screen, drawings laid out with a size, and the page
/// printed on A4. Set <c>SARCOMA_SCREENSHOT_DIR</c> (absolute, or relative to the repository) to keep the PNGs
/// (docs/screenshots holds some), and
/// <c>SARCOMA_SCREENSHOT_HEIGHT</c> to change the window's height (default 1754, A4 at 1240 pixels wide).
/// </summary>
public sealed class BrowserTests
{
    private const int Width = 1240;

    private static readonly int Height =
        int.TryParse(Environment.GetEnvironmentVariable("SARCOMA_SCREENSHOT_HEIGHT"), out var height) && height > 0 ? height : 1754;

    public static TheoryData<string> AllSamples => StructureTests.AllSamples;

    public static TheoryData<string> InScopeSamples => StructureTests.InScopeSamples;

    [SkippableFact]
    public void The_harness_hears_a_console_error_and_a_blocked_load()
    {
        Chromium.Require();
        using var folder = new TempFolder();
        var noisy = folder.Write("noisy.html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body><script>console.error(\"control-error\")</script></body></html>");
        var blocked = folder.Write("blocked.html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>t</title></head><body><img src=\"http://example.invalid/x.png\" alt=\"\"></body></html>");

        Assert.Contains(Chromium.DumpDom(noisy).ConsoleMessages, m => m.Contains("control-error", StringComparison.Ordinal));
        Assert.Contains(Chromium.DumpDom(blocked).ConsoleMessages, m => m.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_report_renders_to_a_png_without_a_console_message(string sample)
    {
        Chromium.Require();
        using var folder = new TempFolder();
        var html = folder.Write(sample + ".html", Samples.Html(sample));
        var keep = Environment.GetEnvironmentVariable("SARCOMA_SCREENSHOT_DIR");
        var png = folder.File(sample + ".png");
        if (!string.IsNullOrEmpty(keep))
        {
            var directory = Path.IsPathRooted(keep) ? keep : Path.Combine(Repo.Root, keep); // relative to the repository
            png = Path.Combine(Directory.CreateDirectory(directory).FullName, sample + ".png");
        }

        var run = Chromium.Screenshot(html, png, Width, Height);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(run.ConsoleMessages.Count == 0, string.Join("\n", run.ConsoleMessages));
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8));
        Assert.Equal(Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 40_000, $"a {bytes.Length}-byte PNG is too small for a page of text and drawings");
    }

    [SkippableTheory]
    [MemberData(nameof(InScopeSamples))]
    public void Every_drawing_is_laid_out_with_its_lesions_inside_the_liver(string sample)
    {
        Chromium.Require();
        var (report, patient, _) = Samples.Evaluate(sample);
        using var folder = new TempFolder();
        var html = folder.Write(sample + ".html", Instrumented(Samples.Html(sample)));

        var run = Chromium.DumpDom(html);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(run.ConsoleMessages.Count == 0, string.Join("\n", run.ConsoleMessages));
        var measure = Page.Document(run.Stdout).Body!.GetAttribute("data-measure");
        Assert.False(string.IsNullOrEmpty(measure), "the measuring script did not run");
        using var json = JsonDocument.Parse(measure!);
        var drawings = json.RootElement.GetProperty("drawings").EnumerateArray().ToList();
        var expected = report.FollowUp is null ? new[] { "timeline", "liver" } : new[] { "timeline", "follow-up", "liver" };
        Assert.Equal(expected, drawings.Select(d => d.GetProperty("section").GetString()));
        Assert.All(drawings, d =>
        {
            Assert.True(d.GetProperty("width").GetDouble() > 500, "drawing narrower than 500 px: " + d);
            Assert.True(d.GetProperty("height").GetDouble() > 100, "drawing flatter than 100 px: " + d);
        });
        var lesions = json.RootElement.GetProperty("lesions").EnumerateArray().ToList();
        var placed = patient.Metastases?.Lesions.Count(l => l.Site == MetastaticSite.Liver && l.Segments.Count > 0) ?? 0;
        Assert.True(lesions.Count >= placed, $"{lesions.Count} lesion shapes drawn for {placed} placed lesions");
        Assert.All(lesions, l =>
        {
            Assert.True(l.GetProperty("w").GetDouble() > 0 && l.GetProperty("h").GetDouble() > 0, "a lesion shape without a size");
            Assert.True(l.GetProperty("inside").GetBoolean(), "a lesion shape outside the liver's outline");
        });
        Assert.True(json.RootElement.GetProperty("overflow").GetDouble() <= 0, "the page is wider than the window");
    }

    [SkippableFact]
    public void The_report_prints_on_A4_pages()
    {
        Chromium.Require();
        using var folder = new TempFolder();
        var html = folder.Write("report.html", Samples.Html("metachronous-liver-omd"));
        var pdf = folder.File("report.pdf");

        var run = Chromium.PrintToPdf(html, pdf);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(run.ConsoleMessages.Count == 0, string.Join("\n", run.ConsoleMessages));
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        var boxes = Regex.Matches(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]").Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(boxes.Count >= 3, $"{boxes.Count} pages printed");
        Assert.All(boxes, box =>
        {
            Assert.InRange(box.W, 594, 597); // A4: 210 mm = 595.3 pt
            Assert.InRange(box.H, 841, 844); // 297 mm = 841.9 pt
        });
    }

    /// <summary>A copy of the page that measures itself once loaded (the report has no script and its policy forbids one).</summary>
    private static string Instrumented(string html)
    {
        const string script = """
            <script>
            (function () {
              var out = { drawings: [], lesions: [], overflow: document.documentElement.scrollWidth - window.innerWidth };
              document.querySelectorAll('svg[role="img"]').forEach(function (svg) {
                var r = svg.getBoundingClientRect();
                out.drawings.push({ section: svg.closest('section').id, width: r.width, height: r.height });
              });
              var outline = document.querySelector('#liver path.liver-outline');
              var box = outline ? outline.getBBox() : null;
              document.querySelectorAll('#liver svg[role="img"] .lesion-shape').forEach(function (shape) {
                var b = shape.getBBox();
                out.lesions.push({ w: b.width, h: b.height, inside: !!box && b.x >= box.x - 1 && b.y >= box.y - 1
                  && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1 });
              });
              document.body.setAttribute('data-measure', JSON.stringify(out));
            })();
            </script>
            """;
        var withoutPolicy = Regex.Replace(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n", string.Empty);
        Assert.NotEqual(html, withoutPolicy);
        return withoutPolicy.Replace("</body>", script + "\n</body>", StringComparison.Ordinal);
    }
}
