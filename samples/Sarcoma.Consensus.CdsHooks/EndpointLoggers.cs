using Microsoft.Extensions.Logging;

namespace Sarcoma.Consensus.CdsHooks;

/// <summary>
/// The endpoints' loggers, created from the <see cref="ILoggerFactory"/> once per service (a singleton) instead of on every
/// call (issue #11). The categories are those the endpoints have always logged under.
/// </summary>
internal sealed class EndpointLoggers
{
    public EndpointLoggers(ILoggerFactory factory)
    {
        Hook = factory.CreateLogger("Sarcoma.Consensus.CdsHooks.Hook");
        Feedback = factory.CreateLogger("Sarcoma.Consensus.CdsHooks.Feedback");
        Security = factory.CreateLogger("Sarcoma.Consensus.CdsHooks.Security");
        Links = factory.CreateLogger("Sarcoma.Consensus.CdsHooks.Links");
    }

    /// <summary>Gets the logger of hook calls.</summary>
    public ILogger Hook { get; }

    /// <summary>Gets the logger of feedback calls.</summary>
    public ILogger Feedback { get; }

    /// <summary>Gets the logger of refused authentication.</summary>
    public ILogger Security { get; }

    /// <summary>Gets the logger of card links opened (report, questionnaire).</summary>
    public ILogger Links { get; }
}
