using System.Globalization;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

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
    // Wording that carries no patient value, shared by every evaluation (messages are immutable).
    private static readonly Message FollowUpNoLiverResectionMessage = new("follow-up.no-liver-resection");
    private static readonly Message NoMetastasectomyMessage = new("13.2.no-metastasectomy");
    private static readonly Message FollowUpMetastasectomyNotRecordedMessage = new("follow-up.metastasectomy-not-recorded");
    private static readonly Message RecurrenceDetectedMessage = new("13.2.recurrence-detected");
    private static readonly Message RecurrenceMessage = new("13.2.recurrence");
    private static readonly Message RecurrenceUnknownMessage = new("13.2.recurrence-unknown");
    private static readonly Message DiseaseStatusUnknownMessage = new("13.2.disease-status-unknown");
    private static readonly Message AppliesMessage = new("13.2.applies");
    private static readonly Message HistotypeNotRecordedMessage = new("13.2.histotype-not-recorded");
    private static readonly Message HistotypeNotRecordedCautionMessage = new("13.2.histotype-not-recorded-caution");
    private static readonly Message NoCurrentLesionMessage = new("13.2.no-current-lesion");

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
                result.Fact(FactNames.PreviousLiverResection, "no", FollowUpNoLiverResectionMessage);
                return result.DoesNotApply(NoMetastasectomyMessage);
            case null:
                return result.Missing(FactNames.PreviousLiverResection).Insufficient(FollowUpMetastasectomyNotRecordedMessage);
        }

        // 13.2 belongs to post-metastasectomy follow-up (section 3.13), like 13.1: a liver recurrence to treat is worked up
        // under 4.1–4.3, and when no date says whether current liver lesions came after the metastasectomy, that is open.
        switch (context.IsLiverRecurrence)
        {
            case true:
                result.Fact(FactNames.MetastasesDetectedOn, ResultBuilder.Format(patient.Metastases!.DetectedOn!.Value), RecurrenceDetectedMessage);
                return result.DoesNotApply(RecurrenceMessage);
            case null when context.HasLiverMetastases == true:
                return result.Missing(context.LiverRecurrenceMissing).Insufficient(RecurrenceUnknownMessage);
            case null:
                // No current lesions recorded and no record of freedom from disease: not known whether follow-up applies.
                result.Fact(FactNames.Lesions, "unknown", Message.Of("follow-up.disease-status-not-recorded", ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing))));
                return result.Missing(context.LiverRecurrenceMissing).Insufficient(DiseaseStatusUnknownMessage);
        }

        var latest = FollowUpSchedule.LatestMetastasectomyDate(patient);
        result.Fact(FactNames.PreviousLiverResection, "yes", Message.Of("13.2.metastasectomy-done", ("dated", latest is not null), ("latest", latest)));

        Histotype(patient, context.Options, result);
        Pattern(context, result, latest);
        Course(context, result);
        return result.Applies(AppliesMessage);
    }

    private static void Histotype(Patient patient, ConsensusOptions options, ResultBuilder result)
    {
        if (patient.Primary?.Histology is not { } histology)
        {
            result.Fact(FactNames.PrimaryHistology, "unknown", HistotypeNotRecordedMessage);
            result.Caution(HistotypeNotRecordedCautionMessage);
            return;
        }

        // The histotype's name comes from the model's reference data (English for now).
        var name = ("name", (object?)histology.Name);
        var named = false;
        if (histology.BrainMriSuggested)
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, Message.Of("13.2.brain-mri", name, ("done", patient.Staging.BrainMri)), source: "section 3.4");
        }

        if (histology.SpineMriSuggested)
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, Message.Of("13.2.spine-mri", name, ("done", patient.Staging.SpineMri)), source: "section 3.4");
        }

        if (options.IsFdgPetCtSubtype(histology))
        {
            named = true;
            result.Fact(FactNames.PrimaryHistology, histology.Code, Message.Of("13.2.fdg-pet-ct", name), source: "section 3.4");
        }

        if (!named)
        {
            result.Fact(FactNames.PrimaryHistology, histology.Code, Message.Of("13.2.no-subtype-imaging", name), source: "section 3.4");
        }
    }

    private static void Pattern(EvaluationContext context, ResultBuilder result, NodaTime.LocalDate? latest)
    {
        var lesions = context.Lesions;
        if (lesions.Count == 0)
        {
            result.Fact(PatternName, "none recorded", NoCurrentLesionMessage);
            return;
        }

        // Per site in ascending order, with its number of lesions (as GroupBy, OrderBy: no grouping objects).
        var distinct = Codes.DistinctSites(lesions);
        var described = new string[distinct.Length];
        var counts = new Message[distinct.Length];
        for (var s = 0; s < distinct.Length; s++)
        {
            var count = 0;
            for (var i = 0; i < lesions.Count; i++)
            {
                count += lesions[i].Site == distinct[s] ? 1 : 0;
            }

            described[s] = Describe(distinct[s]) + " (" + Count(count) + ")";
            counts[s] = Message.Of("13.2.site-count", ("site", Code(distinct[s])), ("count", count));
        }

        var value = string.Join(", ", described);
        var sites = ReadOnlyValueList<Message>.Wrap(counts);
        var detected = context.Patient.Metastases?.DetectedOn;
        var pattern = detected is { } found && latest is { } resected
            ? found > resected ? "after" : "up-to"
            : "undated";
        result.Fact(PatternName, value, Message.Of("13.2.pattern", ("pattern", pattern), ("detected", detected), ("sites", sites)));
    }

    private static void Course(EvaluationContext context, ResultBuilder result)
    {
        var lesions = context.Lesions;
        var symptomatic = 0;
        for (var i = 0; i < lesions.Count; i++)
        {
            symptomatic += lesions[i].Symptomatic == true ? 1 : 0;
        }

        if (symptomatic > 0)
        {
            result.Fact(FactNames.LesionSymptomatic, Count(symptomatic), Message.Of("13.2.symptomatic", ("count", symptomatic)));
        }

        if (context.Patient.Treatment.SystemicTherapyResponse is { } response)
        {
            var (code, text) = response switch
            {
                TreatmentResponse.CompleteResponse => ("complete-response", "complete response"),
                TreatmentResponse.PartialResponse => ("partial-response", "partial response"),
                TreatmentResponse.StableDisease => ("stable-disease", "stable disease"),
                _ => ("progressive-disease", "progressive disease"),
            };
            result.Fact(FactNames.SystemicTherapyResponse, text, Message.Of("13.2.best-response", ("response", code)));
        }
    }

    private static string Describe(MetastaticSite site) => site switch
    {
        MetastaticSite.LymphNode => "lymph node",
        MetastaticSite.SoftTissue => "soft tissue",
        _ => site.LowerName(),
    };

    // The site's code, a term of "site" in common.messages.
    private static string Code(MetastaticSite site) => Oligometastasis.OligometastaticAssessment.SiteCode(site);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
