using System.Linq;
using Microsoft.Extensions.Logging;

namespace Sarcoma.Consensus.CdsHooks.Links;

/// <summary>
/// Keeps the card-link token out of the logs. The token is a link's only credential. Where it travels and who logs it:
/// <list type="bullet">
/// <item><description>not the path: ASP.NET Core opens a log scope per request holding <c>RequestPath</c>, and every
/// log line of the request carries it wherever scopes are written (the JSON console does). The links therefore carry the
/// token in the query string (<c>?token=</c>), which that scope does not hold.</description></item>
/// <item><description>the query string appears in ASP.NET Core's request lines ("Request starting … GET
/// https://host/path?query", category <c>Microsoft.AspNetCore.Hosting.Diagnostics</c>, Information and Debug). That
/// category is held at <c>Warning</c> or above whatever the configuration says, provider-specific rules included
/// (<see cref="KeepRequestLinesOut"/>); its warnings and errors carry no query string.</description></item>
/// </list>
/// The service's own log lines name the page opened and whether the token was found, never the token.
/// </summary>
internal static class LinkLogging
{
    /// <summary>The category of ASP.NET Core's request-line logs.</summary>
    public const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Adds, after every configured rule, a minimum level of <c>Warning</c> for <see cref="HostingCategory"/>, for all providers and for each provider a rule names.</summary>
    /// <param name="options">The logging filter options, after configuration was bound (a post-configure step).</param>
    public static void KeepRequestLinesOut(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(rule => rule.ProviderName).Where(name => name is not null).Distinct().ToArray();
        options.Rules.Add(new LoggerFilterRule(null, HostingCategory, LogLevel.Warning, null));
        foreach (var provider in providers)
        {
            options.Rules.Add(new LoggerFilterRule(provider, HostingCategory, LogLevel.Warning, null));
        }
    }
}
