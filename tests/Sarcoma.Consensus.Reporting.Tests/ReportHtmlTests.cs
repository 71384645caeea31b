using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>The public API: arguments, determinism, encoding of free text.</summary>
public sealed class ReportHtmlTests
{
    private const string Flagship = "metachronous-liver-omd";

    [Fact]
    public void The_same_report_renders_to_the_same_bytes_every_time()
    {
        var (report, patient, label) = Samples.Evaluate(Flagship);
        var first = Encoding.UTF8.GetBytes(ReportHtml.Render(report, patient, new ReportHtmlOptions { Label = label }));
        var again = Samples.Evaluate(Flagship);
        var second = Encoding.UTF8.GetBytes(ReportHtml.Render(again.Report, again.Patient, new ReportHtmlOptions { Label = again.Label }));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Rendering_concurrently_gives_the_same_page_on_every_thread()
    {
        var (report, patient, label) = Samples.Evaluate("synchronous-omd-induction");
        var options = new ReportHtmlOptions { Label = label };
        var expected = ReportHtml.Render(report, patient, options);

        var pages = new string[8];
        Parallel.For(0, pages.Length, i => pages[i] = ReportHtml.Render(report, patient, options));

        Assert.All(pages, page => Assert.Equal(expected, page));
    }

    [Fact]
    public void Write_writes_what_Render_returns()
    {
        var (report, patient, label) = Samples.Evaluate("liver-remetastasectomy");
        using var writer = new StringWriter();

        ReportHtml.Write(report, patient, writer, new ReportHtmlOptions { Label = label });

        Assert.Equal(ReportHtml.Render(report, patient, new ReportHtmlOptions { Label = label }), writer.ToString());
    }

    [Fact]
    public async Task WriteAsync_writes_the_UTF8_bytes_of_Render_with_asynchronous_writes_only()
    {
        var (report, patient, label) = Samples.Evaluate("liver-remetastasectomy");
        var options = new ReportHtmlOptions { Label = label };
        using var stream = new AsyncOnlyStream();

        await ReportHtml.WriteAsync(stream, report, patient, options);

        var expected = new UTF8Encoding(false).GetBytes(ReportHtml.Render(report, patient, options));
        Assert.Equal(expected, stream.ToArray());
    }

    [Fact]
    public async Task WriteAsync_checks_its_arguments_and_honours_cancellation()
    {
        var (report, patient, _) = Samples.Evaluate(Flagship);
        using var stream = new AsyncOnlyStream();

        Assert.Throws<ArgumentNullException>("utf8Html", () => { _ = ReportHtml.WriteAsync(null!, report, patient); });
        Assert.Throws<ArgumentNullException>("report", () => { _ = ReportHtml.WriteAsync(stream, null!, patient); });
        Assert.Throws<ArgumentNullException>("patient", () => { _ = ReportHtml.WriteAsync(stream, report, null!); });
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportHtml.WriteAsync(stream, report, patient, cancellationToken: cancelled.Token));
        Assert.Equal(0, stream.Length);
    }

    /// <summary>A stream that refuses synchronous writes, as an ASP.NET Core response body does.</summary>
    private sealed class AsyncOnlyStream : MemoryStream
    {
        private bool writingAsynchronously;

        public override void Write(byte[] buffer, int offset, int count)
        {
            Refuse();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Refuse();
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Refuse();
            base.WriteByte(value);
        }

        public override System.Threading.Tasks.Task WriteAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Append(buffer.AsSpan(offset, count));
            return System.Threading.Tasks.Task.CompletedTask;
        }

        public override System.Threading.Tasks.ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Append(buffer.Span);
            return default;
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            writingAsynchronously = true;
            try
            {
                base.Write(bytes.ToArray(), 0, bytes.Length);
            }
            finally
            {
                writingAsynchronously = false;
            }
        }

        private void Refuse()
        {
            if (!writingAsynchronously)
            {
                throw new InvalidOperationException("Synchronous operations are disallowed.");
            }
        }
    }

    [Fact]
    public void The_page_is_one_html_document_with_unix_line_ends()
    {
        var html = Samples.Html(Flagship);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_case_label_is_encoded_and_stripped_of_control_characters()
    {
        var (report, patient, _) = Samples.Evaluate(Flagship);
        const string hostile = "</title><script>alert('x')</script><img src=x onerror=alert(1)> \" onload=\"alert(2) & \u0001\u0007\u001b\u0085\u009f end\ttab";

        var html = ReportHtml.Render(report, patient, new ReportHtmlOptions { Label = hostile });
        var (document, errors) = Page.Parse(html);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onload=", html, StringComparison.Ordinal);
        Assert.All(html, c => Assert.True(c == '\n' || (c >= ' ' && c != '\u007f' && (c < '\u0080' || c > '\u009f')), $"control character U+{(int)c:X4} in the page"));
        const string shown = "</title><script>alert('x')</script><img src=x onerror=alert(1)> \" onload=\"alert(2) &  end tab";
        Assert.Equal("Consensus report — " + shown + " — as of 2026-11-26", document.QuerySelector("title")!.TextContent);
        Assert.Equal(shown, document.QuerySelector(".meta dd")!.TextContent);
    }

    [Fact]
    public void Without_a_label_the_header_says_so()
    {
        var (report, patient, _) = Samples.Evaluate(Flagship);

        var document = Page.Document(ReportHtml.Render(report, patient));

        Assert.Equal("Consensus report — as of 2026-11-26", document.Title);
        Assert.Equal("no case label", document.QuerySelector(".meta dd")!.TextContent);
    }

    [Fact]
    public void A_label_longer_than_the_patient_document_allows_is_refused()
    {
        var options = new ReportHtmlOptions();

        var error = Assert.Throws<ArgumentException>(() => options.Label = new string('a', 201));

        Assert.Contains("200 characters", error.Message, StringComparison.Ordinal);
        options.Label = new string('a', 200);
    }

    [Fact]
    public void Missing_arguments_are_caller_bugs()
    {
        var (report, patient, _) = Samples.Evaluate(Flagship);

        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => ReportHtml.Render(null!, patient)).ParamName);
        Assert.Equal("patient", Assert.Throws<ArgumentNullException>(() => ReportHtml.Render(report, null!)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => ReportHtml.Write(report, patient, null!)).ParamName);
    }
}
