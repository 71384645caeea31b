using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.CdsHooks.Protocol;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Imaging;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.CdsHooks.Cards;

/// <summary>The links a hook call's cards carry (absolute URLs), or <see langword="null"/> where there is none.</summary>
/// <param name="ReportUrl">The HTML report of this evaluation.</param>
/// <param name="QuestionnaireUrl">The FHIR Questionnaire asking for the missing facts (built when opened: planning it probes the engine many times, too slow for a hook call).</param>
/// <param name="Unavailable">The prefetch keys neither prefetched nor fetched.</param>
internal sealed record CardContext(string? ReportUrl, string? QuestionnaireUrl, IReadOnlyList<string> Unavailable);

/// <summary>
/// Groups a consensus report into the few cards a clinician acts on, in this order (rules in the sample's README):
/// <list type="number">
/// <item><description><c>tumour-board</c> (warning): a treatment decision the consensus sends to the sarcoma tumour board applies; suggestion: referral.</description></item>
/// <item><description><c>work-up</c> (warning): staging imaging indicated and not recorded as done; suggestions: hepatic MRI, FDG-PET/CT, contrast CT.</description></item>
/// <item><description><c>facts-needed</c> (info): recommendations that cannot be decided for lack of facts; link: the Questionnaire.</description></item>
/// <item><description><c>follow-up</c> (info): the 13.1 schedule after a liver metastasectomy, with the next visit.</description></item>
/// <item><description><c>no-consensus</c> (info): 3.2, 5.5 or 10.2 concern the patient; for information, never advice, never a suggestion.</description></item>
/// </list>
/// Nothing for a patient out of scope or without liver metastatic disease in the record. Same report, same cards, byte for byte.
/// </summary>
internal static class CardComposer
{
    public const string GuidelineUrl = "https://doi.org/10.3390/cancers17081295";
    public const string GuidelineLabel = "Ibero-American Consensus, liver metastases of soft tissue sarcoma (Cancers 2025;17:1295)";
    public const string CardKindSystem = "urn:sarcoma-consensus:cds-card-kind";
    public const string OverrideReasonSystem = "urn:sarcoma-consensus:cds-override-reason";
    public const int MaxSummaryLength = 140;

    /// <summary>The treatment recommendations whose applying sends the case to the tumour board (5.1 itself; 5.3/5.4 and 8.x–12.1 are decided there).</summary>
    private static readonly string[] TumourBoardTriggers = { "5.1", "5.3", "5.4", "8.1", "8.2", "8.3", "9.1", "9.2", "10.1", "11.1", "11.2", "12.1" };

    public static bool HasLiverMetastaticDisease(Patient patient) =>
        patient.Metastases?.Lesions.Any(l => l.Site == MetastaticSite.Liver) == true ||
        patient.Treatment.HasPreviousLiverResection == true;

    /// <summary>Whether the service has anything to say: in scope (or scope unconfirmed) and liver metastatic disease recorded.</summary>
    public static bool IsRelevant(ConsensusReport report, Patient patient) =>
        report.Scope.InScope != false && HasLiverMetastaticDisease(patient);

    public static IReadOnlyList<Card> Compose(ConsensusReport report, Patient patient, string patientId, Guid hookInstance, CardContext context)
    {
        if (!IsRelevant(report, patient))
        {
            return Array.Empty<Card>();
        }

        var cards = new List<Card>(5);
        Add(cards, TumourBoard(report, patientId, hookInstance, context));
        Add(cards, WorkUp(report, patientId, hookInstance, context));
        Add(cards, FactsNeeded(report, hookInstance, context));
        Add(cards, FollowUp(report, hookInstance, context));
        Add(cards, NoConsensus(report, hookInstance, context));
        return cards;
    }

    /// <summary>The card for a record the engine refuses as inconsistent: names the fields, never their values.</summary>
    public static Card RecordInconsistent(IReadOnlyList<ValidationError> errors, Guid hookInstance)
    {
        var detail = new StringBuilder();
        detail.Append("The consensus was not evaluated: the record mapped from the EHR is inconsistent. Correct these fields in the record:\n\n");
        foreach (var error in errors.Take(20))
        {
            detail.Append("- `").Append(Markdown(error.Field)).Append("`: ").Append(Markdown(error.Message)).Append('\n');
        }

        return new Card(
            StableUuid.For(hookInstance, "record-inconsistent"),
            Summary(string.Create(CultureInfo.InvariantCulture, $"Liver metastases consensus not evaluated: the record is inconsistent ({errors.Count} fields to correct)")),
            detail.ToString(),
            "warning",
            Source("record-inconsistent", "Record inconsistent"),
            null,
            null,
            null,
            null);
    }

    private static void Add(List<Card> cards, Card? card)
    {
        if (card is not null)
        {
            cards.Add(card);
        }
    }

    private static Card? TumourBoard(ConsensusReport report, string patientId, Guid hookInstance, CardContext context)
    {
        var applying = report.Results
            .Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus && TumourBoardTriggers.Contains(r.Id, StringComparer.Ordinal))
            .ToArray();
        if (applying.Length == 0)
        {
            return null;
        }

        var treatment = report.Results
            .Where(r => r.Status == EvaluationStatus.Applies && r.Recommendation.ReachedConsensus && r.Recommendation.Section.Number is >= 5 and <= 12)
            .ToArray();
        string summary;
        if (report.LiverResection is { Status: TriState.Yes, IndividualBoardDecision: true })
        {
            // The engine's decision (a recorded lesion outside liver and lung: outside 5.3 and 5.4), also while the
            // candidacy is not yet known (s22 F1).
            summary = "Liver surgery outside the voted indications (5.3, 5.4): an individual tumour-board decision (consensus 5.1)";
        }
        else if (report.LiverResection?.Status == TriState.Yes)
        {
            summary = "Liver resection to be considered: discuss at a sarcoma tumour board (consensus 5.1)";
        }
        else if (applying.Any(r => r.Id == "10.1"))
        {
            summary = "Not a surgical candidate: discuss non-surgical local therapy at a sarcoma tumour board (consensus 10.1)";
        }
        else
        {
            summary = "Liver metastases: treatment to discuss at a sarcoma tumour board (consensus " + Ids(applying) + ")";
        }

        var detail = new StringBuilder();
        detail.Append("The consensus asks for these decisions to be taken at a multidisciplinary sarcoma tumour board (recommendation 5.1). Recommendations that apply to this patient:\n\n");
        foreach (var result in treatment)
        {
            AppendResult(detail, result);
        }

        AppendFooter(detail);
        var kind = "tumour-board";
        var referral = FhirSuggestions.TumourBoardReferral(patientId, Ids(applying));
        return new Card(
            StableUuid.For(hookInstance, kind),
            Summary(summary),
            detail.ToString(),
            "warning",
            Source(kind, "Tumour board"),
            new[]
            {
                new Suggestion("Refer to the sarcoma multidisciplinary tumour board", StableUuid.For(hookInstance, kind, "referral"), true, new[] { new SuggestionAction("create", "Draft referral to the sarcoma tumour board", referral) }),
            },
            "at-most-one",
            new[]
            {
                new Coding(OverrideReasonSystem, "already-discussed", "Already discussed at a sarcoma tumour board"),
                new Coding(OverrideReasonSystem, "not-appropriate", "Not appropriate for this patient"),
                new Coding(OverrideReasonSystem, "patient-declined", "Patient declined"),
            },
            ReportLink(context));
    }

    private static Card? WorkUp(ConsensusReport report, string patientId, Guid hookInstance, CardContext context)
    {
        var outstanding = report.ImagingPlan?.Outstanding ?? Array.Empty<ImagingItem>();
        if (outstanding.Count == 0)
        {
            return null;
        }

        const string kind = "work-up";
        var detail = new StringBuilder();
        detail.Append("Staging imaging the consensus asks for (section 3.4) that the record does not show as done. Check the imaging record before ordering.\n\n");
        var suggestions = new List<Suggestion>();
        foreach (var item in outstanding)
        {
            detail.Append("- **").Append(Markdown(item.Name)).Append("**: ").Append(Markdown(item.Reason)).Append(' ');
            if (item.RecommendationId is { } id && report[id] is { } result)
            {
                detail.Append("Basis: recommendation ").Append(id).Append(", ").Append(Grading(result)).Append('.');
            }
            else
            {
                detail.Append("Basis: ").Append(Markdown(item.Basis)).Append('.');
            }

            var done = Markdown(item.DoneStatus);
            detail.Append(' ').Append(done.Length > 0 ? char.ToUpperInvariant(done[0]) + done[1..] : done).Append(".\n");
            if (item.Caveat is { } caveat)
            {
                detail.Append("  - ").Append(Markdown(caveat)).Append('\n');
            }

            if (FhirSuggestions.Imaging(item, patientId) is { } request)
            {
                suggestions.Add(new Suggestion(
                    "Order " + item.Name + (item.AlreadyDone is null ? " (if not already done)" : string.Empty),
                    StableUuid.For(hookInstance, kind, item.Modality.ToString()),
                    null,
                    new[] { new SuggestionAction("create", "Draft order: " + item.Name, request) }));
            }
        }

        AppendFooter(detail);
        var ids = outstanding.Select(i => i.RecommendationId).Where(i => i is not null).Distinct().ToArray();
        var names = string.Join(", ", outstanding.Select(i => i.Name));
        var summary = "Staging imaging indicated, not recorded as done: " + names + (ids.Length > 0 ? " (consensus " + string.Join(", ", ids) + ")" : string.Empty);
        return new Card(
            StableUuid.For(hookInstance, kind),
            Summary(summary),
            detail.ToString(),
            "warning",
            Source(kind, "Staging work-up"),
            suggestions.Count > 0 ? suggestions : null,
            suggestions.Count > 0 ? "any" : null,
            new[]
            {
                new Coding(OverrideReasonSystem, "already-done", "Already done (not in the record)"),
                new Coding(OverrideReasonSystem, "not-appropriate", "Not appropriate for this patient"),
                new Coding(OverrideReasonSystem, "patient-declined", "Patient declined"),
            },
            ReportLink(context));
    }

    private static Card? FactsNeeded(ConsensusReport report, Guid hookInstance, CardContext context)
    {
        var undecided = report.Results
            .Where(r => r.Status == EvaluationStatus.InsufficientData && r.Recommendation.ReachedConsensus)
            .ToArray();
        if (undecided.Length == 0 && report.Scope.InScope is not null)
        {
            return null;
        }

        const string kind = "facts-needed";
        var facts = undecided.SelectMany(r => r.Missing).Distinct(StringComparer.Ordinal).ToArray();
        var detail = new StringBuilder();
        if (report.Scope.Note is { } scopeNote)
        {
            detail.Append("**Scope not confirmed.** ").Append(Markdown(scopeNote)).Append("\n\n");
        }

        if (undecided.Length > 0)
        {
            detail.Append(string.Create(CultureInfo.InvariantCulture, $"{undecided.Length} of {report.Results.Count} recommendations cannot be decided from the record; an unknown fact is never read as \"no\". "));
            detail.Append(context.QuestionnaireUrl is not null
                ? "The linked FHIR Questionnaire asks for what the record cannot hold.\n\n"
                : "Record the facts below to decide them.\n\n");
            foreach (var result in undecided)
            {
                detail.Append("- **").Append(result.Id).Append("** ").Append(Markdown(result.Recommendation.ShortTitle)).Append(" — needs ")
                    .Append(string.Join(", ", result.Missing.Select(f => Markdown(DescribeFact(f))))).Append('\n');
            }
        }

        if (context.Unavailable.Count > 0)
        {
            detail.Append("\nNot available from the EHR (neither prefetched nor fetched), so unknown: ")
                .Append(string.Join(", ", context.Unavailable.Select(k => "`" + k + "`"))).Append(".\n");
        }

        AppendFooter(detail);
        var summary = undecided.Length == 0
            ? "Liver metastases consensus: confirm the histology (scope not confirmed)"
            : context.QuestionnaireUrl is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{undecided.Length} consensus recommendations await {facts.Length} facts the record lacks: the linked questionnaire asks for them")
                : string.Create(CultureInfo.InvariantCulture, $"{undecided.Length} consensus recommendations await {facts.Length} facts the record lacks");
        var links = new List<CardLink>();
        if (context.QuestionnaireUrl is { } questionnaire && undecided.Length > 0)
        {
            links.Add(new CardLink("Questionnaire: the facts needed (FHIR)", questionnaire, "absolute"));
        }

        links.AddRange(ReportLink(context) ?? Array.Empty<CardLink>());
        return new Card(
            StableUuid.For(hookInstance, kind),
            Summary(summary),
            detail.ToString(),
            "info",
            Source(kind, "Facts needed"),
            null,
            null,
            null,
            links.Count > 0 ? links : null);
    }

    private static Card? FollowUp(ConsensusReport report, Guid hookInstance, CardContext context)
    {
        var followUp = report["13.1"];
        var next = report.FollowUp?.NextVisit;
        if (followUp is null || followUp.Status != EvaluationStatus.Applies || next is null)
        {
            return null;
        }

        const string kind = "follow-up";
        var detail = new StringBuilder();
        detail.Append("Follow-up after a liver metastasectomy, as the consensus schedules it:\n\n");
        AppendResult(detail, followUp);
        if (report["13.2"] is { Status: EvaluationStatus.Applies } further)
        {
            AppendResult(detail, further);
        }

        detail.Append(string.Create(CultureInfo.InvariantCulture, $"\nNext visit: due {next.DueOn:yyyy-MM-dd} (window {next.EarliestOn:yyyy-MM-dd} to {next.LatestOn:yyyy-MM-dd}), {next.MonthsAfterSurgery} months after surgery.\n"));
        AppendFooter(detail);
        var summary = string.Create(CultureInfo.InvariantCulture, $"Follow-up after liver metastasectomy: next visit due {next.DueOn:yyyy-MM-dd}, {next.MonthsAfterSurgery} months after surgery (consensus 13.1)");
        return new Card(
            StableUuid.For(hookInstance, kind),
            Summary(summary),
            detail.ToString(),
            "info",
            Source(kind, "Follow-up"),
            null,
            null,
            null,
            ReportLink(context));
    }

    private static Card? NoConsensus(ConsensusReport report, Guid hookInstance, CardContext context)
    {
        var concerning = report.Results
            .Where(r => r.Flags.Contains(ResultFlag.NoConsensus) && r.Status == EvaluationStatus.Applies)
            .ToArray();
        if (concerning.Length == 0)
        {
            return null;
        }

        const string kind = "no-consensus";
        var detail = new StringBuilder();
        detail.Append("**NO CONSENSUS — shown for information, not a recommendation.** The panel voted on these proposals, which concern this patient, and did not reach the 80% agreement the consensus requires:\n\n");
        foreach (var result in concerning)
        {
            AppendResult(detail, result);
        }

        AppendFooter(detail);
        var summary = "For information, not advice: the panel reached no consensus on " + Ids(concerning) + " (" + string.Join("; ", concerning.Select(r => r.Recommendation.ShortTitle)) + ")";
        return new Card(
            StableUuid.For(hookInstance, kind),
            Summary(summary),
            detail.ToString(),
            "info",
            Source(kind, "No consensus"),
            null,
            null,
            null,
            ReportLink(context));
    }

    private static void AppendResult(StringBuilder detail, RecommendationResult result)
    {
        var title = result.CardSummary;

        detail.Append("- **").Append(result.Id).Append("** ").Append(Markdown(title)).Append(" — ").Append(Grading(result)).Append('\n');
        foreach (var finding in result.Findings)
        {
            detail.Append("  - ").Append(Markdown(finding.Sentence)).Append('\n');
        }

        foreach (var caution in result.Cautions)
        {
            detail.Append("  - *Caution:* ").Append(Markdown(caution)).Append('\n');
        }
    }

    private static string Grading(RecommendationResult result)
    {
        var r = result.Recommendation;
        var consensus = r.ReachedConsensus ? "consensus " + r.Consensus.ToCode() : "no consensus";
        return string.Create(CultureInfo.InvariantCulture, $"grade {r.Grade}, {r.Votes.Yes}/{r.Votes.Total} votes ({r.Votes.AgreementPercent:0.0}%), {consensus}");
    }

    private static void AppendFooter(StringBuilder detail) =>
        detail.Append("\n*Decision support for clinicians, not a substitute for the multidisciplinary tumour board. Most recommendations are level V evidence (expert opinion).*");

    private static string Ids(IEnumerable<RecommendationResult> results) => string.Join(", ", results.Select(r => r.Id));

    private static CardSource Source(string kind, string display) =>
        new(GuidelineLabel, GuidelineUrl, new Coding(CardKindSystem, kind, display));

    private static IReadOnlyList<CardLink>? ReportLink(CardContext context) =>
        context.ReportUrl is { } url ? new[] { new CardLink("Consensus report for this patient (HTML)", url, "absolute") } : null;

    private static string DescribeFact(string fact)
    {
        var text = MessageCatalog.English.Render(new Message("fact." + fact));
        return text.StartsWith('⟦') ? fact : text;
    }

    /// <summary>Cuts a summary to 140 characters at a word, with an ellipsis.</summary>
    internal static string Summary(string text)
    {
        if (text.Length <= MaxSummaryLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxSummaryLength - 1);
        return text[..(cut > 80 ? cut : MaxSummaryLength - 1)].TrimEnd(',', ';', ' ') + "…";
    }

    // The characters Markdown rewrites: most texts (wording, ids, codes) hold none and are returned as they are.
    private static readonly SearchValues<char> MarkdownSpecial = SearchValues.Create("\\*_`[]#|~<>&\r\n");

    /// <summary>Escapes the characters Markdown (and HTML inside Markdown) would interpret.</summary>
    internal static string Markdown(string text)
    {
        if (text.AsSpan().IndexOfAny(MarkdownSpecial) < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '`' or '[' or ']' or '#' or '|' or '~':
                    output.Append('\\').Append(c);
                    break;
                case '<':
                    output.Append("&lt;");
                    break;
                case '>':
                    output.Append("&gt;");
                    break;
                case '&':
                    output.Append("&amp;");
                    break;
                case '\r' or '\n':
                    output.Append(' ');
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return output.ToString();
    }
}
