using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.HostedSample;

/// <summary>
/// Evaluates one synthetic demo patient once, logs a summary, and stops the host.
/// </summary>
/// <remarks>
/// The log holds only counts and recommendation ids: never a date, a size, a histology or any other patient fact,
/// so the pattern is safe to copy into a service that handles real records.
/// </remarks>
internal sealed partial class DemoEvaluationWorker : BackgroundService
{
    private readonly IConsensusEvaluator evaluator;
    private readonly IOptions<ConsensusOptions> options;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<DemoEvaluationWorker> logger;

    public DemoEvaluationWorker(IConsensusEvaluator evaluator, IOptions<ConsensusOptions> options, IHostApplicationLifetime lifetime, ILogger<DemoEvaluationWorker> logger)
    {
        this.evaluator = evaluator;
        this.options = options;
        this.lifetime = lifetime;
        this.logger = logger;
    }

    /// <summary>A synthetic patient (not a real person): metachronous, liver-only oligometastatic leiomyosarcoma.</summary>
    /// <returns>The patient.</returns>
    internal static Patient BuildDemoPatient() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .WithAsaClass(2)
            .FitForSurgery()
            .NoPreviousLiverResection()
            .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogSettings(options.Value.TimeZoneId, options.Value.AtWindowBoundary);

            // "Today" comes from the injected IClock, in the configured time zone.
            var report = evaluator.EvaluateToday(BuildDemoPatient());
            LogSummary(report);
        }
        catch (PatientValidationException ex)
        {
            // Field names only: the exception never carries the patient's values.
            LogInvalidPatient(ex.Errors.Count, string.Join(", ", ex.Errors.Select(e => e.Field)));
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    private void LogSummary(ConsensusReport report)
    {
        if (report.Results.Count == 0)
        {
            // The reason may name the histology, so it is not logged.
            LogOutOfScope();
            return;
        }

        int Count(EvaluationStatus status) => report.Results.Count(r => r.Status == status);
        string Ids(Func<RecommendationResult, bool> where)
        {
            var ids = report.Results.Where(where).Select(r => r.Id).ToArray();
            return ids.Length == 0 ? "none" : string.Join(", ", ids);
        }

        LogCounts(report.Results.Count, Count(EvaluationStatus.Applies), Count(EvaluationStatus.DoesNotApply), Count(EvaluationStatus.InsufficientData));
        LogApplying(Ids(r => r.Status == EvaluationStatus.Applies));
        LogCautions(Ids(r => r.Flags.Contains(ResultFlag.Caution)));
        LogNoConsensus(Ids(r => r.Flags.Contains(ResultFlag.NoConsensus)));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Consensus options validated: time zone {TimeZoneId}, detection at the window boundary counted as {AtWindowBoundary}.")]
    private partial void LogSettings(string timeZoneId, BoundaryTiming atWindowBoundary);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Evaluated {Total} recommendations for the demo patient: {Applies} apply, {DoesNotApply} do not apply, {InsufficientData} need more data.")]
    private partial void LogCounts(int total, int applies, int doesNotApply, int insufficientData);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Recommendations that apply: {Ids}.")]
    private partial void LogApplying(string ids);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Recommendations flagged with a caution (read the rationale): {Ids}.")]
    private partial void LogCautions(string ids);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Recommendations without consensus (for information, never advice): {Ids}.")]
    private partial void LogNoConsensus(string ids);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "The demo patient is out of the guideline's scope; nothing was evaluated.")]
    private partial void LogOutOfScope();

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "The demo patient record is invalid ({ProblemCount} problems) in fields: {Fields}.")]
    private partial void LogInvalidPatient(int problemCount, string fields);
}
