using System.Collections.Generic;
using NodaTime;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json.Tests;

/// <summary>Patients beyond the samples that make the writers use every property their schemas declare.</summary>
internal static class DriftVignettes
{
    public static IEnumerable<Patient> Patients()
    {
        // Nothing known: scope unconfirmed (a note), every derived concept undecided with its missing facts.
        yield return new Patient();

        // Metastases detected on the last day of the six-month synchronous window (2.1).
        yield return new Patient
        {
            Primary = new PrimaryTumor { Histology = Histology.Leiomyosarcoma, DiagnosedOn = new LocalDate(2024, 1, 10) },
            Metastases = new MetastaticDisease
            {
                DetectedOn = new LocalDate(2024, 7, 10),
                Lesions = new[] { new Lesion { Site = MetastaticSite.Liver, SizeMm = 30m, Segments = new[] { 6 } } },
            },
        };
    }
}
