using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.DependencyInjection.Tests.Support;

/// <summary>Synthetic patients and a service-provider helper for the registration tests.</summary>
internal static class DemoPatients
{
    /// <summary>An evaluation date after every date in these patients.</summary>
    public static readonly LocalDate AsOf = new(2026, 1, 15);

    /// <summary>Date of primary diagnosis of <see cref="DetectedExactlySixMonthsAfterDiagnosis"/>.</summary>
    public static readonly LocalDate DiagnosedOn = new(2025, 1, 15);

    /// <summary>
    /// Extremity leiomyosarcoma diagnosed 2025-01-15 and resected; one resectable liver metastasis detected on
    /// 2025-07-15, the last day of the six-month synchronous window, where 2.1 and 8.1 disagree.
    /// </summary>
    public static Patient DetectedExactlySixMonthsAfterDiagnosis() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Extremity, diagnosedOn: DiagnosedOn, grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2025, 2, 10))
            .MetastasesDetectedOn(DiagnosedOn.PlusMonths(6))
            .AddLesion(MetastaticSite.Liver, sizeMm: 25, l => l.InSegments(6).Resectable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .NoPreviousLiverResection()
            .Build();

    /// <summary>Retroperitoneal leiomyosarcoma with two resectable liver metastases found 30 months after diagnosis.</summary>
    public static Patient MetachronousLiverOnly() =>
        Patient.Builder()
            .WithPrimary(Histology.Leiomyosarcoma, PrimarySite.Retroperitoneal, diagnosedOn: new LocalDate(2021, 3, 1), grade: HistologicGrade.G2)
            .Resected(on: new LocalDate(2021, 4, 12))
            .MetastasesDetectedOn(new LocalDate(2023, 9, 1))
            .AddLesion(MetastaticSite.Liver, sizeMm: 32, l => l.InSegments(6).Resectable().Ablatable(false))
            .AddLesion(MetastaticSite.Liver, sizeMm: 14, l => l.InSegments(7).Resectable().Ablatable())
            .NoDiffuseInvolvement()
            .WithStaging(contrastCt: true, liverMri: true, fdgPetCt: true)
            .WithPerformanceStatus(0)
            .FitForSurgery()
            .NoPreviousLiverResection()
            .Build();

    /// <summary>Builds a provider that checks scopes and every registration, as a Development host does.</summary>
    public static ServiceProvider BuildStrictProvider(this IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
}
