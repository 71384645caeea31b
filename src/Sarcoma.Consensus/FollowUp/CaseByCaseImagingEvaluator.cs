using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.FollowUp;

/// <summary>
/// Recommendation 13.2: after liver metastasectomy, further radiologic evaluation should be considered on a
/// case-by-case basis depending on histotype, pattern of recurrence and clinical course. Applies when a liver
/// metastasectomy has been done and the patient is in post-metastasectomy follow-up (not during a liver recurrence to
/// treat, which is worked up under 4.1–4.3, as for 13.1), and reports the three: the imaging section 3.4 names for the histotype (brain MRI for
/// alveolar soft part sarcoma, clear cell sarcoma and angiosarcoma; total-spine MRI for myxoid liposarcoma, alveolar
/// soft part sarcoma and angiosarcoma; FDG-PET/CT for FDG-avid or node-prone subtypes), the sites of the recorded
/// lesions, and the clinical course (symptoms, response to systemic therapy).
/// </summary>
internal sealed class CaseByCaseImagingEvaluator : RecommendationEvaluator
{
    /// <summary>The name under which the pattern of recurrence appears in findings.</summary>
    public const string PatternName = "derived.recurrencePattern";

    /// <summary>Creates the evaluator.</summary>
    public CaseByCaseImagingEvaluator()
        : base("13.2", new[]
        {
            FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.PrimaryHistology, FactNames.StagingBrainMri, FactNames.StagingSpineMri, FactNames.MetastasesDetectedOn,
            FactNames.Lesions, FactNames.LesionSite, FactNames.LesionSymptomatic, FactNames.SystemicTherapyResponse,
            FactNames.Metastases, FactNames.NoEvidenceOfDisease,
        })
    {
    }

    /// <inheritdoc />
    protected override RecommendationResult Decide(EvaluationContext context, ResultBuilder result)
    {
        var patient = context.Patient;
        switch (patient.Treatment.HasPreviousLiverResection)
        {
            case false:
                result.Fact(FactNames.PreviousLiverResection, "no", "No liver resection has been done.");
                return result.DoesNotApply("No liver metastasectomy has been done: post-metastasectomy imaging does not arise.");
            case null:
                return result.Missing(FactNames.PreviousLiverResection)
                    .Insufficient("Whether a liver metastasectomy has been done is not recorded.");
        }

        // 13.2 belongs to post-metastasectomy follow-up (section 3.13), like 13.1: a liver recurrence to treat is worked up
        // under 4.1–4.3, and when no date says whether current liver lesions came after the metastasectomy, that is open.
        switch (context.IsLiverRecurrence)
        {
            case true:
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(patient.Metastases!.DetectedOn!.Value), "Liver lesions were detected after the latest liver metastasectomy.");
                return result.DoesNotApply("The patient is not in post-metastasectomy surveillance but has a liver recurrence to treat, whose imaging follows the work-up of 4.1–4.3; 13.2 applies again after any new metastasectomy.");
            case null when context.HasLiverMetastases == true:
                return result.Missing(context.LiverRecurrenceMissing)
                    .Insufficient("Whether the current liver lesions are a recurrence after the metastasectomy (to be treated) or the disease it treated is not known, so whether post-metastasectomy imaging applies cannot be decided.");
        }

        var latest = FollowUpSchedule.LatestMetastasectomyDate(patient);
        result.Fact(
            FactNames.PreviousLiverResection,
            "yes",
            "Liver metastasectomy done" + (latest is { } on ? $" (latest on {ResultBuilder.Format(on)})." : " (date not recorded)."));

        Histotype(patient, result);
        Pattern(context, result, latest);
        Course(context, result);
        return result.Applies("After liver metastasectomy, further radiologic evaluation should be considered case by case, depending on histotype, pattern of recurrence and clinical course.");
    }

    private static void Histotype(Patient patient, ResultBuilder result)
    {
        if (patient.Primary?.Histology is not { } histology)
        {
            result.Fact(FactNames.PrimaryHistology, "unknown", "Histotype not recorded.");
            result.Caution("The histotype is not recorded: section 3.4 names further imaging for some subtypes (brain MRI, total-spine MRI, FDG-PET/CT).");
            return;
        }

        var named = false;
        if (histology.BrainMriSuggested)
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: brain MRI has been suggested to rule out brain metastases in this subtype (section 3.4){Done(patient.Staging.BrainMri, "brain MRI")}.");
        }

        if (histology.SpineMriSuggested)
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: an MRI of the total spine is recommended for this subtype (section 3.4){Done(patient.Staging.SpineMri, "total-spine MRI")}.");
        }

        if (histology.FdgAvidOrNodeProne)
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: an FDG-avid or lymph-node-prone subtype, for which section 3.4 finds 18F-FDG-PET/CT valuable.");
        }

        if (!named)
        {
            result.Fact(FactNames.PrimaryHistology, histology.Code, $"{histology.Name}: section 3.4 names no subtype-specific further imaging for it.");
        }
    }

    private static string Done(bool? done, string examination) => done switch
    {
        true => $"; a {examination} was done at staging",
        false => $"; no {examination} was done at staging",
        _ => string.Empty,
    };

    private static void Pattern(EvaluationContext context, ResultBuilder result, NodaTime.LocalDate? latest)
    {
        var lesions = context.Lesions;
        if (lesions.Count == 0)
        {
            result.Fact(PatternName, "none recorded", "No current metastatic lesion is recorded.");
            return;
        }

        var sites = string.Join(", ", lesions
            .GroupBy(l => l.Site)
            .OrderBy(g => g.Key)
            .Select(g => $"{Describe(g.Key)} ({Count(g.Count())})"));
        var detected = context.Patient.Metastases?.DetectedOn;
        string sentence;
        if (detected is { } found && latest is { } resected)
        {
            sentence = found > resected
                ? $"Recurrence detected on {ResultBuilder.Format(found)}, after the latest metastasectomy; sites: {sites}."
                : $"Metastases detected on {ResultBuilder.Format(found)}, up to the latest metastasectomy (the resected disease); sites: {sites}.";
        }
        else
        {
            sentence = $"Recorded metastatic lesions, sites: {sites} (whether they precede the latest metastasectomy is not recorded).";
        }

        result.Fact(PatternName, sites, sentence);
    }

    private static void Course(EvaluationContext context, ResultBuilder result)
    {
        var symptomatic = context.Lesions.Count(l => l.Symptomatic == true);
        if (symptomatic > 0)
        {
            result.Fact(FactNames.LesionSymptomatic, Count(symptomatic), $"{Count(symptomatic)} symptomatic metastatic {(symptomatic == 1 ? "lesion" : "lesions")}: symptoms may call for further imaging.");
        }

        if (context.Patient.Treatment.SystemicTherapyResponse is { } response)
        {
            var text = response switch
            {
                TreatmentResponse.CompleteResponse => "complete response",
                TreatmentResponse.PartialResponse => "partial response",
                TreatmentResponse.StableDisease => "stable disease",
                _ => "progressive disease",
            };
            result.Fact(FactNames.SystemicTherapyResponse, text, $"Best response to systemic therapy: {text}.");
        }
    }

    private static string Describe(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph node",
        MetastaticSite.SoftTissue => "soft tissue",
        _ => site.ToString().ToLowerInvariant(),
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
