using System;
using System.Linq;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Tests.Catalog;

/// <summary>Sections, ids, grades and wording of the catalog.</summary>
public sealed class CatalogStructureTests
{
    [Fact]
    public void There_are_13_sections_numbered_1_to_13_with_the_questions_of_table_5()
    {
        Assert.Equal(13, RecommendationCatalog.Sections.Count);
        Assert.Equal(Enumerable.Range(1, 13), RecommendationCatalog.Sections.Select(s => s.Number));
        Assert.Equal(Table5.Questions, RecommendationCatalog.Sections.Select(s => s.Question));
    }

    [Fact]
    public void Each_question_is_discussed_in_narrative_section_3_x()
    {
        Assert.Equal(
            Enumerable.Range(1, 13).Select(n => $"3.{n}"),
            RecommendationCatalog.Sections.Select(s => s.NarrativeSection));
    }

    [Fact]
    public void Ids_run_from_1_1_to_13_2_unique_and_in_order()
    {
        var ids = RecommendationCatalog.All.Select(r => r.Id).ToList();

        Assert.Equal("1.1", ids[0]);
        Assert.Equal("13.2", ids[^1]);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var keys = ids.Select(id => id.Split('.').Select(int.Parse).ToArray()).ToList();
        for (int i = 1; i < keys.Count; i++)
        {
            bool increases = keys[i][0] > keys[i - 1][0] || (keys[i][0] == keys[i - 1][0] && keys[i][1] == keys[i - 1][1] + 1);
            Assert.True(increases, $"{ids[i]} does not follow {ids[i - 1]}");
            Assert.True(keys[i][1] == 1 || keys[i][0] == keys[i - 1][0], $"{ids[i]} does not start its section at .1");
        }
    }

    [Fact]
    public void Every_recommendation_belongs_to_the_section_its_id_names()
    {
        Assert.All(RecommendationCatalog.All, r =>
        {
            int sectionNumber = int.Parse(r.Id.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(sectionNumber, r.Section.Number);
            Assert.Same(RecommendationCatalog.Sections[sectionNumber - 1], r.Section);
        });
    }

    [Fact]
    public void Every_section_has_at_least_one_recommendation()
    {
        Assert.All(RecommendationCatalog.Sections, s => Assert.Contains(RecommendationCatalog.All, r => r.Section == s));
    }

    [Fact]
    public void Recommendations_are_found_by_id_and_unknown_ids_are_rejected()
    {
        Assert.Equal("5.3", RecommendationCatalog.Get("5.3").Id);
        Assert.True(RecommendationCatalog.TryGet("13.2", out var found));
        Assert.Equal("13.2", found.Id);
        Assert.False(RecommendationCatalog.TryGet("14.1", out _));
        Assert.False(RecommendationCatalog.TryGet(null, out _));
        Assert.Throws<ArgumentException>(() => RecommendationCatalog.Get("12.2"));
    }

    [Fact]
    public void Recommendation_3_2_has_no_section_grade_and_a_grade_discrepancy()
    {
        var recommendation = RecommendationCatalog.Get("3.2");

        Assert.Null(recommendation.SectionGrade);
        Assert.True(recommendation.GradeDiscrepancy);
        Assert.Equal(new EvidenceGrade(EvidenceLevel.V, RecommendationStrength.B), recommendation.Grade);
    }

    [Fact]
    public void No_other_recommendation_has_a_grade_discrepancy()
    {
        Assert.Equal(new[] { "3.2" }, RecommendationCatalog.All.Where(r => r.GradeDiscrepancy).Select(r => r.Id));
        Assert.All(
            RecommendationCatalog.All.Where(r => r.Id != "3.2"),
            r => Assert.Equal(r.Grade, r.SectionGrade));
    }

    [Fact]
    public void Table_wording_differs_for_5_5_and_11_2()
    {
        Assert.True(RecommendationCatalog.Get("5.5").TableTextDiffers);
        Assert.True(RecommendationCatalog.Get("11.2").TableTextDiffers);
    }

    [Fact]
    public void Table_wording_differs_exactly_where_the_paper_words_the_recommendation_differently()
    {
        Assert.Equal(
            Table5.IdsWithDifferentTableWording,
            RecommendationCatalog.All.Where(r => r.TableTextDiffers).Select(r => r.Id));
    }

    [Fact]
    public void Spacing_around_the_less_than_or_equal_sign_alone_is_not_a_wording_difference()
    {
        var recommendation = RecommendationCatalog.Get("1.1");

        Assert.NotEqual(recommendation.Text, recommendation.TableText);
        Assert.False(recommendation.TableTextDiffers);
    }

    [Fact]
    public void Every_text_ends_with_a_single_full_stop()
    {
        Assert.All(RecommendationCatalog.All, r =>
        {
            Assert.EndsWith(".", r.Text, StringComparison.Ordinal);
            Assert.EndsWith(".", r.TableText, StringComparison.Ordinal);
            Assert.DoesNotContain("..", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("..", r.TableText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Recommendation_4_2_lost_the_doubled_full_stop_of_the_narrative()
    {
        Assert.Equal(
            "Hepatic MRI is recommended for diagnosis and evaluation of lesions smaller than 1 cm and for characterization of lesions of uncertain origin.",
            RecommendationCatalog.Get("4.2").Text);
    }

    [Fact]
    public void Narrative_text_is_canonical_where_table_5_words_it_differently()
    {
        var recommendation = RecommendationCatalog.Get("11.2");

        Assert.StartsWith("The decision regarding preoperative chemotherapy should be individualized", recommendation.Text, StringComparison.Ordinal);
        Assert.StartsWith("The decision regarding preoperative chemotherapy should be based on a personalized approach", recommendation.TableText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_recommendation_has_a_short_title_and_text()
    {
        Assert.All(RecommendationCatalog.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.ShortTitle), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Text), r.Id);
            Assert.Equal($"{r.Id} {r.ShortTitle}", r.ToString());
        });
    }

    [Fact]
    public void Grades_format_as_the_paper_prints_them()
    {
        Assert.Equal("(V,B)", RecommendationCatalog.Get("1.1").Grade.ToString());
        Assert.Equal("(IV,A)", RecommendationCatalog.Get("3.3").Grade.ToString());
        Assert.Equal("(V,D)", RecommendationCatalog.Get("5.5").Grade.ToString());
    }

    [Fact]
    public void Most_recommendations_rest_on_level_V_expert_opinion()
    {
        Assert.Equal(new[] { "3.3" }, RecommendationCatalog.All.Where(r => r.Grade.Level != EvidenceLevel.V).Select(r => r.Id));
    }
}
