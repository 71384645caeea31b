using System;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>Builds the page's data from a report and the patient it was evaluated for.</summary>
internal static class ReportViewBuilder
{
    public static ReportView Build(ConsensusReport report, Patient patient, ReportHtmlOptions options)
    {
        var label = Text.Clean(options.Label);
        label = string.IsNullOrWhiteSpace(label) ? null : label!.Trim();
        var asOf = Text.Date(report.AsOf);
        var guideline = report.Guideline;
        var scope = report.Scope;
        var scopeView = scope.InScope switch
        {
            true => new ScopeView { Code = "in-scope", Verdict = "In scope", Detail = "Soft-tissue sarcoma other than GIST." },
            false => new ScopeView { Code = "out-of-scope", Verdict = "Out of scope", Detail = Text.Clean(report.OutOfScope) },
            null => new ScopeView { Code = "unconfirmed", Verdict = "Scope not confirmed", Detail = Text.Clean(scope.Note) },
        };
        var pageTitle = "Consensus report" + (label is null ? string.Empty : " — " + label) + " — as of " + asOf;
        // Out of scope: the header and why, nothing evaluated (the report's results are empty).
        var evaluated = scope.InScope != false;
        var results = report.Results;
        int Count(EvaluationStatus status) => results.Count(r => r.Recommendation.ReachedConsensus && r.Status == status);
        return new ReportView
        {
            PageTitle = pageTitle,
            Citation = guideline.Citation,
            GuidelineTitle = guideline.Title,
            Label = label,
            AsOf = asOf,
            Scope = scopeView,
            ConsensusRule = guideline.ConsensusRuleDescription,
            GradingSystem = guideline.GradingSystem,
            Evaluated = evaluated,
            Situation = evaluated ? SituationBuilder.Concepts(report) : Array.Empty<ConceptView>(),
            Imaging = evaluated ? SituationBuilder.Imaging(report) : Array.Empty<ImagingRowView>(),
            Counts = new CountsView
            {
                Total = results.Count,
                Applies = Count(EvaluationStatus.Applies),
                NeedsFacts = Count(EvaluationStatus.InsufficientData),
                DoesNotApply = Count(EvaluationStatus.DoesNotApply),
                NoConsensus = results.Count(r => !r.Recommendation.ReachedConsensus),
            },
            Timeline = evaluated ? TimelineLayout.Build(report, patient) : null,
            Liver = evaluated ? LiverMapLayout.Build(patient) : null,
            FollowUp = evaluated && report.FollowUp is { } schedule ? CalendarLayout.Build(schedule, report.AsOf) : null,
            Groups = evaluated ? CardBuilder.ByStatus(results) : Array.Empty<CardGroupView>(),
            NoConsensus = evaluated ? CardBuilder.NoConsensus(results) : null,
            Provenance = new ProvenanceView
            {
                LibraryVersion = report.Provenance.LibraryVersion,
                GuidelineDoi = report.Provenance.GuidelineDoi,
                CatalogHash = report.Provenance.CatalogHash,
                AsOf = asOf,
                Options = report.Provenance.NonDefaultOptions.Count == 0
                    ? "all at the consensus defaults"
                    : "differing from the defaults: " + string.Join(", ", report.Provenance.NonDefaultOptions.Select(o => o.Key + " = " + o.Value)),
            },
        };
    }
}
