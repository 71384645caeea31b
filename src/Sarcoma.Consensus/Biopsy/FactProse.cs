using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Biopsy;

/// <summary>
/// Plain-language names for the facts sections 3–4 and 9–13 may report as unrecorded, so that summaries, finding
/// sentences and cautions speak prose while the JSON paths stay in <c>Missing</c> and <c>Finding.Fact</c>.
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
        FactNames.Lesions => "the metastatic lesions",
        FactNames.LesionSizeMm => "the size of every liver lesion",
        FactNames.LesionResectable => "the resectability of every liver lesion",
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
        _ => fact,
    };

    /// <summary>Describes several facts as "a, b and c are not recorded" (or "a is not recorded").</summary>
    public static string NotRecorded(IEnumerable<string> facts)
    {
        var names = facts.Distinct(StringComparer.Ordinal).Select(Describe).ToArray();
        return OriginUncertaintyAssessment.JoinPhrases(names) + (names.Length == 1 ? " is not recorded" : " are not recorded");
    }
}
