using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// Plain-language names for patient facts, so that summaries, finding sentences and cautions speak prose while the
/// JSON paths stay in <c>Missing</c> and <c>Finding.Fact</c>.
/// </summary>
internal static class FactProse
{
    /// <summary>Describes one fact, falling back to its JSON path for a fact without a description.</summary>
    public static string Describe(string fact) => fact switch
    {
        FactNames.PrimaryHistology => "the histology of the primary",
        FactNames.PrimaryDiagnosedOn => "the date of the primary diagnosis",
        FactNames.PrimaryResected => "whether the primary tumour was resected",
        FactNames.Metastases => "the metastatic disease",
        FactNames.MetastasesDetectedOn => "the date the metastases were detected",
        FactNames.Lesions => "the list of metastatic lesions",
        FactNames.LesionSizeMm => "the size of every liver lesion",
        FactNames.LesionResectable => "the resectability of each lesion",
        FactNames.HccRiskFactors => "whether the patient has risk factors for hepatocellular carcinoma",
        FactNames.ColorectalCancerHistory => "whether the patient has a history of colorectal cancer",
        FactNames.OtherCancerHistory => "whether the patient has a history of another cancer",
        FactNames.InductionTherapyPlanned => "whether induction systemic therapy is planned",
        FactNames.SystemicTherapyReceived => "whether systemic therapy has been received",
        FactNames.LastTreatmentEndedOn => "the end of the last treatment",
        FactNames.PreviousLiverResection => "whether a liver resection was done before",
        FactNames.LiverResectionPerformedOn => "the date of the latest liver resection",
        FactNames.AdjuvantTherapyAfterFirstLiverResection => "whether adjuvant chemotherapy followed the first liver resection",
        FactNames.PreviousAbdominalSurgeries => "the number of previous abdominal surgeries",
        FactNames.PrimaryResectable => "whether the primary tumour is resectable",
        FactNames.LesionAblatable => "whether each lesion is ablatable",
        FactNames.StagingContrastCt => "contrast-enhanced CT staging",
        FactNames.StagingLiverMri => "liver MRI",
        FactNames.StagingFdgPetCt => "FDG-PET/CT",
        FactNames.DiffusePleural => "pleural sarcomatosis",
        FactNames.DiffusePericardial => "pericardial sarcomatosis",
        FactNames.DiffusePeritoneal => "peritoneal sarcomatosis",
        FactNames.DiffuseLeptomeningeal => "leptomeningeal sarcomatosis",
        FactNames.NoEvidenceOfDisease => "whether there is evidence of disease",
        FactNames.FitForSurgery => "fitness for surgery",
        FactNames.Ecog => "the ECOG performance status",
        _ => fact,
    };

    /// <summary>Describes several facts as "a, b and c are not recorded" (or "a is not recorded").</summary>
    public static string NotRecorded(IEnumerable<string> facts)
    {
        var names = facts.Distinct(StringComparer.Ordinal).Select(Describe).ToArray();
        return JoinPhrases(names) + (names.Length == 1 ? " is not recorded" : " are not recorded");
    }

    /// <summary>Joins phrases as "a", "a and b" or "a, b and c".</summary>
    public static string JoinPhrases(IReadOnlyList<string> phrases) =>
        phrases.Count <= 1
            ? string.Concat(phrases)
            : string.Join(", ", phrases.Take(phrases.Count - 1)) + " and " + phrases[phrases.Count - 1];
}
