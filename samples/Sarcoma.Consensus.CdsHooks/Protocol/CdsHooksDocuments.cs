using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sarcoma.Consensus.CdsHooks.Protocol;

// The JSON documents of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) this service writes, in the specification's names.

/// <summary>The discovery response: <c>{"services": [...]}</c>.</summary>
internal sealed record DiscoveryResponse(IReadOnlyList<ServiceDefinition> Services);

/// <summary>One CDS Service in the discovery response.</summary>
internal sealed record ServiceDefinition(
    string Hook,
    string Title,
    string Description,
    string Id,
    IReadOnlyDictionary<string, string> Prefetch,
    string? UsageRequirements);

/// <summary>The hook response: <c>{"cards": [...]}</c>; an empty list means "nothing to say".</summary>
internal sealed record CardsResponse(IReadOnlyList<Card> Cards);

/// <summary>A card: summary (at most 140 characters), indicator (<c>info</c>, <c>warning</c>, <c>critical</c>), source, markdown detail.</summary>
internal sealed record Card(
    string Uuid,
    string Summary,
    string Detail,
    string Indicator,
    CardSource Source,
    IReadOnlyList<Suggestion>? Suggestions,
    string? SelectionBehavior,
    IReadOnlyList<Coding>? OverrideReasons,
    IReadOnlyList<CardLink>? Links);

/// <summary>The card's source: the guideline, with its DOI link, and a topic naming the kind of card.</summary>
internal sealed record CardSource(string Label, string? Url, Coding? Topic);

/// <summary>A coding: system, code, display.</summary>
internal sealed record Coding(string? System, string Code, string? Display);

/// <summary>A suggestion: a label, a uuid and the actions the EHR takes when the clinician accepts it.</summary>
internal sealed record Suggestion(string Label, string Uuid, bool? IsRecommended, IReadOnlyList<SuggestionAction> Actions);

/// <summary>An action: <c>create</c> with a FHIR resource.</summary>
internal sealed record SuggestionAction(string Type, string Description, JsonElement? Resource);

/// <summary>A link: <c>absolute</c> (opened in a browser) or <c>smart</c>.</summary>
internal sealed record CardLink(string Label, string Url, string Type);

/// <summary>The JSON settings of every document the service writes.</summary>
internal static class CdsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
