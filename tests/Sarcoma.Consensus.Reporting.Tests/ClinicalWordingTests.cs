using System;
using System.IO;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Json;

namespace Sarcoma.Consensus.Reporting.Tests;

/// <summary>
/// The HTML report says what the text report says on the findings of the paper-only clinical read of issue #7: the fitness
/// state beside surgical candidacy, detection before the recorded diagnosis as the order of the dates (never a measured
/// DFI of zero), no current metastatic disease after a complete resection (not "not oligometastatic"), and the follow-up
/// horizon as the library's option, not a number of visits the paper gives.
/// </summary>
public sealed class ClinicalWordingTests
{
    [Fact]
    public void Detection_before_the_recorded_diagnosis_is_said_as_the_order_of_the_dates_not_a_DFI_of_zero()
    {
        var html = Case("tests/cases/clinical-review/05-staging-scan-before-histology.json");

        Assert.Contains("synchronous; detected 21 days before the recorded diagnosis (no DFI measured)", html, StringComparison.Ordinal);
        Assert.Contains("Detected before diagnosis (2.1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DFI 0", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 (detected before diagnosis)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("counted as zero", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measured_DFI_is_still_given_in_months_and_days()
    {
        Assert.Contains("metachronous; DFI 41 months and 19 days", Case("tests/cases/clinical-review/02-ecog-2-asa-3.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests/cases/clinical-review/02-ecog-2-asa-3.json", "ECOG performance status 2: the guideline selects candidates")]
    [InlineData("tests/cases/clinical-review/02-ecog-2-asa-3.json", "ASA physical status III (ASA III or higher")]
    [InlineData("tests/cases/clinical-review/03-fitness-not-assessed.json", "Fitness for surgery has not been assessed")]
    public void The_fitness_caution_on_the_surgical_recommendations_is_shown_with_surgical_candidacy(string input, string caution)
    {
        var html = Case(input);
        var glance = html[html.IndexOf("<h3>Surgical candidacy", StringComparison.Ordinal)..html.IndexOf("</article>", html.IndexOf("<h3>Surgical candidacy", StringComparison.Ordinal), StringComparison.Ordinal)];

        Assert.Contains("Caution:</span> " + caution, glance, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_complete_resection_there_is_no_current_metastatic_disease_and_the_horizon_is_the_library_option()
    {
        var html = Samples.Html("post-resection-follow-up");
        var glance = html[html.IndexOf("id=\"situation\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"situation\"", StringComparison.Ordinal), StringComparison.Ordinal)];

        Assert.Contains("<span class=\"badge tone-neutral\">no current metastatic disease</span>", glance, StringComparison.Ordinal);
        Assert.Contains("does not arise (no current metastatic disease)", glance, StringComparison.Ordinal);
        Assert.DoesNotContain("Criteria not met", glance, StringComparison.Ordinal);
        Assert.Contains("drawn to year 10 (13.1 sets no end; the horizon is this library&#x27;s option FollowUpHorizonYears)", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\(\d+ visits\)|visit \d+ of \d+"), html);
    }

    [Fact]
    public void Disease_that_fails_a_criterion_keeps_its_verdict_and_criteria()
    {
        var html = Samples.Html("more-than-five-lesions");

        Assert.Contains("Criteria not met", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no current metastatic disease</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_lesion_outside_liver_and_lung_is_outside_5_3_and_5_4_while_the_candidacy_is_unknown()
    {
        // Seventh read F1: staging unconfirmed (candidacy unknown), but more staging can only add lesions; without the
        // peritoneal nodule (the boundary) nothing decides "outside 5.3/5.4".
        var html = Case("tests/cases/seventh-read/22-liver-and-peritoneal-nodule-staging-incomplete.json");
        var liverOnly = Case("tests/cases/seventh-read/22b-liver-only-staging-incomplete.json");

        Assert.Contains("not yet known, but outside the voted indications (5.3, 5.4) whatever is still to be recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("outside the voted indications (5.3, 5.4)", liverOnly, StringComparison.Ordinal);
    }

    private static string Case(string relative)
    {
        var document = PatientJson.ParseDocument(File.ReadAllText(Path.Combine(Repo.Root, relative)));
        var report = ConsensusEngine.Default.Evaluate(document.Patient, Samples.AsOf);
        return ReportHtml.Render(report, document.Patient, new ReportHtmlOptions { Label = document.Label });
    }
}
