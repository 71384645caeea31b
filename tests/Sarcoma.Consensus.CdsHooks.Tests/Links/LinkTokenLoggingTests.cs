using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Sarcoma.Consensus.CdsHooks.Tests.Support;

namespace Sarcoma.Consensus.CdsHooks.Tests.Links;

/// <summary>
/// A card link's token is its only credential: it must appear in no log line, scope or state, even with every category
/// logging at Trace (a provider-specific rule included) and ASP.NET Core's request scope (which holds the request path)
/// written on every line.
/// </summary>
public sealed class LinkTokenLoggingTests : IDisposable
{
    private const string SinkProvider = "Sarcoma.Consensus.CdsHooks.Tests.Support.LogSink";

    private readonly CdsHooksFactory factory = new(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging:" + SinkProvider + ":LogLevel:Default"] = "Trace",
        ["Logging:" + SinkProvider + ":LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
    });

    public void Dispose() => factory.Dispose();

    [Fact]
    public async System.Threading.Tasks.Task Opening_card_links_logs_neither_the_token_nor_a_path_or_query_holding_it()
    {
        var client = factory.CreateClient();
        var (status, body) = await Http.PostAsync(client, CdsHooksFactory.HookPath, Prefetch.Request(Prefetch.SampleBundle("metachronous-liver-omd")));
        Assert.Equal(200, status);
        var links = body.GetProperty("cards").EnumerateArray().SelectMany(c => c.GetProperty("links").EnumerateArray())
            .Select(l => new Uri(l.GetProperty("url").GetString()!)).Distinct().ToArray();
        var report = links.Single(l => l.AbsolutePath.EndsWith("/reports", StringComparison.Ordinal));
        var questionnaire = links.Single(l => l.AbsolutePath.EndsWith("/questionnaires", StringComparison.Ordinal));
        var token = report.Query.Substring("?token=".Length);
        Assert.Equal(43, token.Length); // 256 bits, base64url
        Assert.Equal("?token=" + token, questionnaire.Query);

        using (var html = await client.GetAsync(report.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        }

        using (var fhir = await client.GetAsync(questionnaire.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, fhir.StatusCode);
        }

        // A mistyped token (one character changed) is not found, and not logged either.
        var mistyped = token.Substring(0, token.Length - 1) + (token[^1] == 'A' ? 'B' : 'A');
        using (var unknown = await client.GetAsync(report.AbsolutePath + "?token=" + mistyped))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var lines = factory.Logs.Lines;

        // The capture is as verbose as logging gets: ASP.NET Core's debug lines are there, and the link-page lines carry
        // the request scope with its path (so a token in the path would be caught here).
        Assert.Contains(lines, l => l.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) && l.Contains("[Debug]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Card link opened: report (found)", StringComparison.Ordinal) && l.Contains("RequestPath=" + report.AbsolutePath, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Card link opened: questionnaire (found)", StringComparison.Ordinal) && l.Contains("RequestPath=" + questionnaire.AbsolutePath, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Card link opened: report (unknown or expired token)", StringComparison.Ordinal));

        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(mistyped, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("token=", StringComparison.Ordinal));
    }
}
