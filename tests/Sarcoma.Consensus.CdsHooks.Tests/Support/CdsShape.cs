using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Sarcoma.Consensus.CdsHooks.Tests.Support;

/// <summary>
/// The JSON shapes of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/#cds-service-response), written out as checks:
/// every problem is returned as "path: what is wrong". Checked against the specification's own examples first.
/// </summary>
public static class CdsShape
{
    private static readonly string[] Indicators = { "info", "warning", "critical" };
    private static readonly string[] ActionTypes = { "create", "update", "delete" };
    private static readonly string[] SelectionBehaviors = { "at-most-one", "any" };
    private static readonly string[] LinkTypes = { "absolute", "smart" };

    /// <summary>Checks a hook response: <c>{"cards": [...]}</c>.</summary>
    public static IReadOnlyList<string> CardsResponse(JsonElement root, bool requireUuids = false)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("cards", out var cards) || cards.ValueKind != JsonValueKind.Array)
        {
            problems.Add("$.cards: must be an array.");
            return problems;
        }

        var i = 0;
        foreach (var card in cards.EnumerateArray())
        {
            problems.AddRange(Card(card, $"$.cards[{i++}]", requireUuids));
        }

        return problems;
    }

    /// <summary>Checks one card.</summary>
    public static IReadOnlyList<string> Card(JsonElement card, string at, bool requireUuid = false)
    {
        var p = new List<string>();
        if (card.ValueKind != JsonValueKind.Object)
        {
            p.Add(at + ": must be an object.");
            return p;
        }

        foreach (var member in card.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                p.Add(at + "." + member.Name + ": must not be null (CDS Hooks: JSON elements SHALL NOT be null).");
            }
        }

        Uuid(card, "uuid", at, p, requireUuid);
        var summary = String(card, "summary", at, p, required: true);
        if (summary is not null && (summary.Length == 0 || summary.Length > 140))
        {
            p.Add(at + ".summary: must be 1–140 characters (has " + summary.Length + ").");
        }

        var indicator = String(card, "indicator", at, p, required: true);
        if (indicator is not null && !Indicators.Contains(indicator))
        {
            p.Add(at + ".indicator: must be info, warning or critical.");
        }

        String(card, "detail", at, p, required: false);
        if (!card.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            p.Add(at + ".source: is required (an object).");
        }
        else
        {
            String(source, "label", at + ".source", p, required: true);
            Url(source, "url", at + ".source", p, required: false);
            Url(source, "icon", at + ".source", p, required: false);
            if (source.TryGetProperty("topic", out var topic))
            {
                Coding(topic, at + ".source.topic", p);
            }
        }

        var hasSuggestions = card.TryGetProperty("suggestions", out var suggestions);
        if (hasSuggestions)
        {
            if (suggestions.ValueKind != JsonValueKind.Array || suggestions.GetArrayLength() == 0)
            {
                p.Add(at + ".suggestions: must be a non-empty array when present.");
            }
            else
            {
                var s = 0;
                foreach (var suggestion in suggestions.EnumerateArray())
                {
                    Suggestion(suggestion, $"{at}.suggestions[{s++}]", p, requireUuid);
                }
            }

            var behavior = String(card, "selectionBehavior", at, p, required: true);
            if (behavior is not null && !SelectionBehaviors.Contains(behavior))
            {
                p.Add(at + ".selectionBehavior: must be at-most-one or any.");
            }
        }
        else if (card.TryGetProperty("selectionBehavior", out _))
        {
            p.Add(at + ".selectionBehavior: only with suggestions.");
        }

        if (card.TryGetProperty("overrideReasons", out var reasons))
        {
            var r = 0;
            foreach (var reason in reasons.EnumerateArray())
            {
                Coding(reason, $"{at}.overrideReasons[{r++}]", p, requireDisplay: true);
            }
        }

        if (card.TryGetProperty("links", out var links))
        {
            var l = 0;
            foreach (var link in links.EnumerateArray())
            {
                var where = $"{at}.links[{l++}]";
                String(link, "label", where, p, required: true);
                Url(link, "url", where, p, required: true);
                var type = String(link, "type", where, p, required: true);
                if (type is not null && !LinkTypes.Contains(type))
                {
                    p.Add(where + ".type: must be absolute or smart.");
                }
            }
        }

        return p;
    }

    /// <summary>Checks a discovery response: <c>{"services": [...]}</c>.</summary>
    public static IReadOnlyList<string> Discovery(JsonElement root)
    {
        var p = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("services", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            p.Add("$.services: must be an array.");
            return p;
        }

        var i = 0;
        foreach (var service in services.EnumerateArray())
        {
            var at = $"$.services[{i++}]";
            String(service, "hook", at, p, required: true);
            String(service, "description", at, p, required: true);
            String(service, "id", at, p, required: true);
            String(service, "title", at, p, required: false);
            String(service, "usageRequirements", at, p, required: false);
            if (service.TryGetProperty("prefetch", out var prefetch))
            {
                if (prefetch.ValueKind != JsonValueKind.Object)
                {
                    p.Add(at + ".prefetch: must be an object.");
                }
                else
                {
                    foreach (var template in prefetch.EnumerateObject().Where(t => t.Value.ValueKind != JsonValueKind.String))
                    {
                        p.Add(at + ".prefetch." + template.Name + ": must be a string.");
                    }
                }
            }
        }

        return p;
    }

    private static void Suggestion(JsonElement suggestion, string at, List<string> p, bool requireUuid)
    {
        String(suggestion, "label", at, p, required: true);
        Uuid(suggestion, "uuid", at, p, requireUuid);
        if (suggestion.TryGetProperty("isRecommended", out var recommended) && recommended.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            p.Add(at + ".isRecommended: must be a boolean.");
        }

        if (!suggestion.TryGetProperty("actions", out var actions))
        {
            return;
        }

        var a = 0;
        foreach (var action in actions.EnumerateArray())
        {
            var where = $"{at}.actions[{a++}]";
            var type = String(action, "type", where, p, required: true);
            if (type is not null && !ActionTypes.Contains(type))
            {
                p.Add(where + ".type: must be create, update or delete.");
            }

            String(action, "description", where, p, required: true);
            if (type is "create" or "update")
            {
                if (!action.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out _))
                {
                    p.Add(where + ".resource: a FHIR resource is required for " + type + ".");
                }
            }
        }
    }

    private static void Coding(JsonElement coding, string at, List<string> p, bool requireDisplay = false)
    {
        String(coding, "code", at, p, required: true);
        String(coding, "system", at, p, required: false);
        String(coding, "display", at, p, required: requireDisplay);
    }

    private static void Uuid(JsonElement parent, string name, string at, List<string> p, bool required)
    {
        // The specification types uuid as a string; this service promises a UUID, which is checked where required.
        var text = String(parent, name, at, p, required);
        if (required && text is not null && !Guid.TryParseExact(text, "D", out _))
        {
            p.Add(at + "." + name + ": must be a UUID.");
        }
    }

    private static void Url(JsonElement parent, string name, string at, List<string> p, bool required)
    {
        var text = String(parent, name, at, p, required);
        if (text is not null && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            p.Add(at + "." + name + ": must be an absolute URL.");
        }
    }

    private static string? String(JsonElement parent, string name, string at, List<string> p, bool required)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            if (required)
            {
                p.Add(at + "." + name + ": is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            p.Add(at + "." + name + ": must be a string.");
            return null;
        }

        return value.GetString();
    }
}
