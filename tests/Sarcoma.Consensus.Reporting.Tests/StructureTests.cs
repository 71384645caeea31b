using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using Sarcoma.Consensus.Catalog;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>What every sample page holds, checked on the parsed document.</summary>
public sealed class StructureTests
{
    private static readonly string[] NoConsensusIds = { "3.2", "5.5", "10.2" };

    public static TheoryData<string> InScopeSamples => new(Repo.SampleNames().Where(n => n != "gist-out-of-scope"));

    public static TheoryData<string> AllSamples => new(Repo.SampleNames());

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_page_parses_without_an_error_and_loads_nothing_from_elsewhere(string sample)
    {
        var html = Samples.Html(sample);
        var (document, errors) = Page.Parse(html);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, link, img, iframe, object, embed, base, form"));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(document.All.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
        Assert.All(System.Text.RegularExpressions.Regex.Matches(html, @"url\(([^)]*)\)").Select(m => m.Groups[1].Value), target => Assert.StartsWith("#", target, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_attribute_has_a_value_every_id_is_unique_and_every_reference_resolves(string sample)
    {
        var document = Page.Document(Samples.Html(sample));
        var ids = document.All.Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => e.Id!).ToList();

        // An empty attribute would be a template naming a member the view does not have.
        Assert.All(document.All.SelectMany(e => e.Attributes), a => Assert.False(string.IsNullOrWhiteSpace(a.Value), $"empty attribute {a.Name}"));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var references = document.All.SelectMany(e => (e.GetAttribute("aria-labelledby") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(document.QuerySelectorAll("a[href], use").Select(e => e.GetAttribute("href")!.TrimStart('#')));
        Assert.All(references, id => Assert.Contains(id, ids));
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Headings_start_at_one_h1_and_never_skip_a_level(string sample)
    {
        var document = Page.Document(Samples.Html(sample));
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();

        Assert.Equal(1, levels[0]);
        Assert.Single(levels, 1);
        Assert.True(levels.Zip(levels.Skip(1)).All(pair => pair.Second <= pair.First + 1), "heading levels: " + string.Join(" ", levels));
    }

    [Theory]
    [MemberData(nameof(InScopeSamples))]
    public void Every_recommendation_has_one_card_showing_the_engines_status(string sample)
    {
        var (report, _, _) = Samples.Evaluate(sample);
        var document = Page.Document(Samples.Html(sample));
        var cards = document.QuerySelectorAll("article.card");

        Assert.Equal(RecommendationCatalog.All.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal), cards.Select(c => c.QuerySelector(".rec-id")!.TextContent).OrderBy(id => id, StringComparer.Ordinal));
        foreach (var result in report.Results)
        {
            var card = document.GetElementById("rec-" + result.Id.Replace('.', '-'))!;
            Assert.Contains("status-" + result.Status.ToCode(), card.ClassList);
            Assert.Equal(result.Summary, card.QuerySelector(".summary")!.TextContent);
            Assert.Equal(result.Findings.Select(f => f.Sentence), card.QuerySelectorAll(".reasons li").Select(li => li.TextContent));
            Assert.Equal(result.Cautions.Count, card.QuerySelectorAll(".caution").Length);
            Assert.Equal(result.Missing, card.QuerySelectorAll(".missing code").Select(c => c.TextContent));
            Assert.Contains("Grade " + result.Recommendation.Grade, card.QuerySelector(".grade")!.TextContent, StringComparison.Ordinal);
            var votes = result.Recommendation.Votes;
            Assert.StartsWith($"{votes.Yes} yes, {votes.No} no of {votes.Total}", card.QuerySelector(".votes")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.NotNull(card.QuerySelector(".votes svg.votebar .vote-yes"));
        }
    }

    [Theory]
    [MemberData(nameof(InScopeSamples))]
    public void What_applies_comes_first_then_what_needs_facts_then_what_does_not_apply(string sample)
    {
        var document = Page.Document(Samples.Html(sample));
        var sections = document.QuerySelectorAll("#recommendations > section.group").Select(s => s.Id!).ToList();

        Assert.Equal(new[] { "status-applies", "status-insufficient-data", "status-does-not-apply" }, sections);
        foreach (var id in sections)
        {
            var group = document.GetElementById(id)!;
            Assert.All(group.QuerySelectorAll("article.card"), card => Assert.Contains(id, card.ClassList));
            Assert.Contains($"({group.QuerySelectorAll("article.card").Length})", group.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(InScopeSamples))]
    public void The_three_items_without_consensus_stand_apart_labelled_as_not_recommendations(string sample)
    {
        var document = Page.Document(Samples.Html(sample));
        var apart = document.GetElementById("no-consensus")!;

        Assert.Equal("No consensus — for information, not a recommendation (3)", apart.QuerySelector("h2")!.TextContent);
        Assert.Equal(NoConsensusIds, apart.QuerySelectorAll("article.card .rec-id").Select(e => e.TextContent));
        Assert.All(apart.QuerySelectorAll("article.card"), card =>
        {
            Assert.Contains("no-consensus", card.ClassList);
            Assert.Equal("No consensus — for information, not a recommendation", card.QuerySelector(".nc-banner")!.TextContent);
        });
        var inGroups = document.QuerySelectorAll("#recommendations article.card .rec-id").Select(e => e.TextContent);
        Assert.Empty(inGroups.Intersect(NoConsensusIds));
        Assert.Null(document.QuerySelector("#recommendations .nc-banner"));
    }

    [Theory]
    [MemberData(nameof(InScopeSamples))]
    public void Every_drawing_has_a_title_a_description_and_a_table_saying_the_same(string sample)
    {
        var (report, _, _) = Samples.Evaluate(sample);
        var document = Page.Document(Samples.Html(sample));
        var drawings = document.QuerySelectorAll("svg[role='img']");

        var expected = report.FollowUp is null ? new[] { "timeline", "liver" } : new[] { "timeline", "follow-up", "liver" };
        Assert.Equal(expected, drawings.Select(d => d.Closest("section")!.Id));
        foreach (var svg in drawings)
        {
            var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", document.GetElementById(labelledBy[0])!.LocalName);
            Assert.Equal("desc", document.GetElementById(labelledBy[1])!.LocalName);
            Assert.False(string.IsNullOrWhiteSpace(document.GetElementById(labelledBy[1])!.TextContent));
            Assert.NotNull(svg.Closest("section")!.QuerySelector("table.data caption"));
        }
    }

    [Theory]
    [MemberData(nameof(InScopeSamples))]
    public void The_liver_map_labels_segments_1_to_8_and_draws_every_liver_lesion_with_a_segment(string sample)
    {
        var (_, patient, _) = Samples.Evaluate(sample);
        var liver = Page.Document(Samples.Html(sample)).QuerySelector("#liver svg[role='img']")!;
        var withSegments = patient.Metastases?.Lesions.Select((l, i) => (l, i)).Where(x => x.l.Site == MetastaticSite.Liver && x.l.Segments.Count > 0).ToList()
            ?? new List<(Lesion, int)>();

        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7", "8" }, liver.QuerySelectorAll("text.seg-label").Select(t => t.TextContent).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Equal(7, liver.QuerySelectorAll("polygon.seg").Length);
        Assert.Single(liver.QuerySelectorAll("ellipse.seg-caudate"));
        var drawn = liver.QuerySelectorAll("g.lesion text.lesion-number").Select(t => t.TextContent.TrimEnd('?')).Distinct().ToList();
        Assert.Equal(withSegments.Select(x => (x.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), drawn);
        Assert.All(liver.QuerySelectorAll("g.lesion"), g => Assert.StartsWith("Lesion ", g.QuerySelector("title")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_follow_up_page_names_the_visit_due_now_in_words()
    {
        var document = Page.Document(Samples.Html("post-resection-follow-up"));

        Assert.Equal("Due now: visit 1 (month 3), due 2026-11-20, window 2026-11-20 to 2026-12-20.", document.QuerySelector("#follow-up .next")!.TextContent);
        Assert.Equal(19, document.QuerySelectorAll("#follow-up table.visits tbody tr").Length);
        Assert.Single(document.QuerySelectorAll("#follow-up svg[role='img'] g.visit-due"));
        Assert.Equal("due now", document.QuerySelector("#follow-up tr.standing-due td:last-child")!.TextContent);
    }

    [Fact]
    public void An_out_of_scope_patient_gets_a_short_page_saying_why_and_no_recommendation()
    {
        var (report, _, _) = Samples.Evaluate("gist-out-of-scope");
        var document = Page.Document(Samples.Html("gist-out-of-scope"));

        Assert.Equal("Out of scope: no recommendation was evaluated", document.QuerySelector("#out-of-scope h2")!.TextContent);
        Assert.Contains(report.OutOfScope!, document.QuerySelector("#out-of-scope")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("article.card"));
        Assert.Empty(document.QuerySelectorAll("svg[role='img']"));
        Assert.Null(document.QuerySelector("nav"));
        Assert.StartsWith("Decision support for clinicians; not a substitute for the multidisciplinary tumour board.", document.QuerySelector("footer.disclaimer")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_whose_histology_is_unknown_is_evaluated_under_an_unconfirmed_scope()
    {
        var patient = Patient.Builder()
            .WithPrimary(null, PrimarySite.Retroperitoneal, diagnosedOn: new NodaTime.LocalDate(2022, 3, 14))
            .MetastasesDetectedOn(new NodaTime.LocalDate(2025, 9, 2))
            .AddLesion(MetastaticSite.Liver, 30, l => l.InSegments(6))
            .Build();
        var report = ConsensusEngine.Default.Evaluate(patient, Vignettes.AsOf);

        var document = Page.Document(ReportHtml.Render(report, patient));

        Assert.Equal("Scope not confirmed", document.QuerySelector("header .badge.scope-unconfirmed")!.TextContent);
        Assert.Contains(report.Scope.Note!, document.QuerySelector("header.page-header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RecommendationCatalog.All.Count, document.QuerySelectorAll("article.card").Length);
        Assert.Equal(2, document.QuerySelectorAll("svg[role='img']").Length);
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_page_carries_the_guideline_the_date_the_scope_and_the_disclaimer(string sample)
    {
        var (report, _, label) = Samples.Evaluate(sample);
        var document = Page.Document(Samples.Html(sample));
        var header = document.QuerySelector("header.page-header")!.TextContent;

        Assert.Contains(report.Guideline.Citation, header, StringComparison.Ordinal);
        Assert.Contains("2026-11-26", header, StringComparison.Ordinal);
        Assert.Contains(label!, header, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("header .badge[class*='scope-']"));
        Assert.Contains("not a substitute for the multidisciplinary tumour board", document.QuerySelector("footer.disclaimer")!.TextContent, StringComparison.Ordinal);
    }
}
