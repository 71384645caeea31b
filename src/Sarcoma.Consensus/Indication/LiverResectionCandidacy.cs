using System;
using System.Collections.Generic;
using System.Linq;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Oligometastasis;
using Sarcoma.Consensus.Timing;
using Sarcoma.Consensus.PreoperativeAssessment;
using Sarcoma.Consensus.Remetastasectomy;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Indication;

/// <summary>
/// Two readings of the same facts (recommendations 1.2, 5.1–5.4, 7.2, 8.3, 9.1, 10.1; sections 1, 3.5, 3.8–3.10):
/// <list type="bullet">
/// <item><description><see cref="Candidate"/>, strict and tri-state: is the patient a candidate for liver surgery? Yes
/// only when every fact is known and nothing rules it out: current liver metastases, every liver lesion amenable to
/// complete resection, fit for surgery (<see cref="SurgicalFitness"/>: not recorded unfit, ECOG below
/// <see cref="ConsensusOptions.SurgeryPrecludingMinimumEcog"/>), oligometastatic disease, for a liver recurrence a
/// treatment-free interval longer than the 9.1 range's lower bound (a shorter one: not a candidate now, see
/// <see cref="ReassessAfterSystemicTreatment"/>) and good performance status, for synchronous disease
/// not progressing on systemic therapy. No when a known fact rules it out (every such fact is named). Otherwise
/// unknown, naming the missing facts: an unknown fact never makes a patient "not a candidate", nor a candidate. The
/// complement of 10.1 ("patients who are not candidates for surgery").</description></item>
/// <item><description><see cref="Status"/>, whether liver resection is "on the table": the trigger of the process
/// recommendations that govern liver surgery once it is being considered (5.1, 5.2, 6.1–6.5, 7.2, 11.1, 11.2). Yes
/// for a candidate, and for a patient whose candidacy is not yet known while every liver lesion is known resectable
/// (staging or fitness may still be incomplete: the process recommendations govern that work-up, with cautions); yes
/// also when a major hepatectomy is recorded as planned, even outside the indications (with a caution), so a planned
/// operation is never left without its safety nets. No for a patient who is not a candidate and for whom no major
/// hepatectomy is planned; unknown when resectability is not recorded, or when a non-candidate's plan is not.</description></item>
/// </list>
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LiverResectionCandidacy
{
    /// <summary>Gets the facts the assessment reads (its own and those of the assessments it consults).</summary>
    public static IReadOnlyList<string> Requirements { get; } =
        OligometastaticAssessment.Requirements.Concat(SurgicalFitness.Requirements).Concat(new[]
        {
            FactNames.MajorHepatectomyPlanned, FactNames.PrimaryDiagnosedOn, FactNames.MetastasesDetectedOn,
            FactNames.PreviousLiverResection, FactNames.LiverResections, FactNames.LiverResectionPerformedOn,
            FactNames.LastTreatmentEndedOn, FactNames.AdjuvantTherapyAfterFirstLiverResection,
            FactNames.SystemicTherapyReceived, FactNames.SystemicTherapyResponse,
        }).Distinct(StringComparer.Ordinal).ToReadOnlyList();

    /// <summary>The name under which "liver resection on the table" appears in findings.</summary>
    public const string ConceptName = "derived.liverResectionOnTheTable";

    /// <summary>The name under which surgical candidacy appears in findings.</summary>
    public const string CandidateConceptName = "derived.surgicalCandidate";

    private LiverResectionCandidacy()
    {
    }

    private string? basis;
    private string? reason;
    private string? candidateBasis;
    private IReadOnlyList<string>? cautions;

    /// <summary>Gets whether liver resection is on the table (the trigger of the surgical process recommendations).</summary>
    public TriState Status { get; private set; }

    /// <summary>Gets the deciding fact of <see cref="Status"/> as a lower-case clause, for composing messages, for example "not every liver lesion is resectable".</summary>
    public Message BasisMessage { get; private set; } = Unassessed;

    /// <summary>Gets <see cref="BasisMessage"/> in English.</summary>
    public string Basis => basis ??= BasisMessage.Text;

    /// <summary>Gets one sentence explaining <see cref="Status"/>: the basis, then the verdict (message <c>indication.candidacy.reason</c>).</summary>
    public Message ReasonMessage { get; private set; } = Unassessed;

    /// <summary>Gets <see cref="ReasonMessage"/> in English.</summary>
    public string Reason => reason ??= ReasonMessage.Text;

    /// <summary>Gets the findings behind <see cref="Status"/>: its verdict first, then the candidacy verdict and the facts.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = ReadOnlyValueList<Finding>.None;

    /// <summary>Gets the facts missing to decide <see cref="Status"/>, when it is unknown.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>
    /// Gets cautions the surgical process recommendations carry when liver resection is on the table: fitness not
    /// assessed or limited (<see cref="SurgicalFitness.Cautions"/>), a resection planned outside the indications,
    /// extrahepatic disease, an uncountable TFI, synchronous disease not yet treated.
    /// </summary>
    public IReadOnlyList<Message> CautionMessages { get; private set; } = ReadOnlyValueList<Message>.None;

    /// <summary>Gets <see cref="CautionMessages"/> in English.</summary>
    public IReadOnlyList<string> Cautions => cautions ??= CautionMessages.Select(c => c.Text).ToReadOnlyList();

    /// <summary>Gets whether the patient is a candidate for liver surgery: yes, no (not a candidate), or unknown (missing facts named in <see cref="CandidateMissing"/>).</summary>
    public TriState Candidate { get; private set; }

    /// <summary>Gets the basis of <see cref="Candidate"/> as a lower-case clause: what rules candidacy out, what is missing, or why the patient is a candidate.</summary>
    public Message CandidateBasisMessage { get; private set; } = Unassessed;

    /// <summary>Gets <see cref="CandidateBasisMessage"/> in English.</summary>
    public string CandidateBasis => candidateBasis ??= CandidateBasisMessage.Text;

    /// <summary>Gets the finding that states <see cref="Candidate"/> and its basis (message <c>indication.candidacy.verdict</c>).</summary>
    public Finding CandidateFinding { get; private set; } = new(CandidateConceptName, "unknown", Unassessed);

    /// <summary>Gets the facts whose absence leaves <see cref="Candidate"/> unknown (empty unless it is unknown).</summary>
    public IReadOnlyList<string> CandidateMissing { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>
    /// Gets whether, for a patient who is not a candidate (<see cref="Candidate"/> no), a liver resection is nevertheless
    /// being considered outside the consensus indications: yes when one is recorded as planned, or when section 3.5's
    /// case-by-case discussion is open (disease beyond the OMD lesion or site limits only, every liver lesion resectable,
    /// fit); no when neither; unknown when that turns on a fact not recorded (<see cref="OutsideIndicationsMissing"/>).
    /// Always no for a candidate or a patient whose candidacy is not yet known. Recommendations 5.1 and 5.2 (and 7.1 for a planned
    /// major hepatectomy) then apply with <see cref="OutsideIndicationsFlagMessage"/>; the other surgical
    /// recommendations are not offered (unless <see cref="ConsensusOptions.ApplySurgicalRecommendationsOutsideIndications"/>).
    /// </summary>
    public TriState OutsideIndications { get; private set; } = TriState.No;

    /// <summary>Gets the facts whose absence leaves <see cref="OutsideIndications"/> unknown.</summary>
    public IReadOnlyList<string> OutsideIndicationsMissing { get; private set; } = ReadOnlyValueList<string>.None;

    /// <summary>
    /// Gets the flag for a resection considered outside the consensus indications (messages
    /// <c>indication.candidacy.caution.planned-outside-indications</c>, <c>indication.candidacy.caution.case-by-case</c>),
    /// or <see langword="null"/> unless <see cref="OutsideIndications"/> is yes.
    /// </summary>
    public Message? OutsideIndicationsFlagMessage { get; private set; }

    /// <summary>
    /// Gets whether the current liver disease is a recurrence whose treatment-free interval is not longer than the lower
    /// bound of 9.1 (<see cref="ConsensusOptions.RemetastasectomyMinimumTfiMonths"/>). Such a patient is not (yet) a
    /// candidate for a new resection (9.1: "TFI longer than 12–18 months"; section 3.9: "a very conservative approach"):
    /// see <see cref="ReassessAfterSystemicTreatment"/>.
    /// </summary>
    public bool RecurrenceBelowTreatmentFreeInterval { get; private set; }

    /// <summary>
    /// Gets whether the only reason the patient is not a candidate is a liver recurrence whose treatment-free interval is
    /// not longer than the lower bound of 9.1 (<see cref="RecurrenceBelowTreatmentFreeInterval"/>): systemic treatment
    /// comes first (9.2; section 3.9 supports preoperative treatment "in relapses with a short DFI") and the tumour board
    /// reassesses a new resection after it (5.1 applies; the surgical process recommendations and the non-surgical referral
    /// of 10.1 are not the next step). Yes when nothing else rules candidacy out and every fact is known; unknown when the
    /// short interval is the only known reason but a missing fact (<see cref="CandidateMissing"/>) could add another; no
    /// otherwise (including every patient who is a candidate or whose candidacy is unknown).
    /// </summary>
    public TriState ReassessAfterSystemicTreatment { get; private set; } = TriState.No;

    /// <summary>
    /// Gets whether liver surgery is outside the voted surgical indications because a <em>recorded</em> extrahepatic lesion
    /// lies outside the liver and the lung (5.3: "oligometastatic disease confined to the liver"; 5.4: "limited extrahepatic
    /// disease (lung only)"; section 3.1: concurrent extrapulmonary extrahepatic lesions "could mean a more systemic disease
    /// and portend a dismal prognosis"), while the patient is not known to be excluded from liver surgery on other grounds
    /// (<see cref="Candidate"/> yes or unknown). Any liver surgery is then an individual tumour-board decision (5.1; section
    /// 3.5) and the surgical process recommendations are conditions of it. A recorded lesion is positive evidence: further
    /// staging can only add lesions, so this holds while the candidacy is still unknown (staging not confirmed, fitness not
    /// assessed). <see langword="false"/> means only that no such lesion is recorded or the patient is not a candidate,
    /// never that the disease is within 5.3 or 5.4; it is never set from a site that is not recorded. Every output (text,
    /// HTML, JSON through <see cref="CandidateFinding"/>, cards) reads this one decision.
    /// </summary>
    public bool IndividualBoardDecision { get; private set; }

    /// <summary>
    /// Gets, when <see cref="Status"/> is unknown only because a date that decides the timing is missing, whether every value
    /// of that date would put liver resection on the table (yes), or whether the date could change it (unknown); no
    /// otherwise. Yes only when the disease is known not to be a liver recurrence and no progression on systemic therapy is
    /// recorded: then neither synchronous timing (8.3 needs at least stable disease) nor metachronous timing can add a reason
    /// against candidacy. The process requirement 5.1 (and 5.2 with it), whose population is any resection considered,
    /// applies on it (s22 F6); the indications and the surgical steps still wait for the date.
    /// </summary>
    internal TriState StatusWhateverTheTiming { get; private set; } = TriState.No;

    /// <summary>The placeholder of the messages before <see cref="Assess"/> sets them (never seen outside this class).</summary>
    private static Message Unassessed { get; } = new("indication.candidacy.unassessed");

    // Wording and findings that carry no patient value, shared by every assessment (messages and findings are immutable).
    private static readonly Message SynchronousUntreatedCandidateMessage = new("indication.candidacy.candidate.synchronous-untreated");
    private static readonly Finding PlannedFinding = new(FactNames.MajorHepatectomyPlanned, "yes", new Message("indication.candidacy.planned"));
    private static readonly Message PlannedBasisMessage = new("indication.candidacy.basis.planned");
    private static readonly Message ResectableBasisMessage = new("indication.candidacy.basis.resectable");
    private static readonly Message NotResectableBlockerMessage = new("indication.candidacy.blocker.not-resectable");
    private static readonly Finding ProgressiveDiseaseFinding = new(FactNames.SystemicTherapyResponse, "progressive-disease", new Message("indication.candidacy.progressive-disease"));
    private static readonly Message SynchronousProgressedBlockerMessage = new("indication.candidacy.blocker.synchronous-progressed");
    private static readonly Message SynchronousUntreatedCautionMessage = new("indication.candidacy.caution.synchronous-untreated");
    private static readonly Message ExtrahepaticLungCautionMessage = new("indication.caution.extrahepatic.lung");
    private static readonly Message ExtrahepaticBeyondLungCautionMessage = new("indication.caution.extrahepatic.beyond-lung");
    private static readonly IReadOnlyList<string> LesionResectableMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.LesionResectable });
    private static readonly IReadOnlyList<string> MajorHepatectomyPlannedMissing = ReadOnlyValueList<string>.Wrap(new[] { FactNames.MajorHepatectomyPlanned });

    /// <summary>Assesses candidacy.</summary>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    internal static LiverResectionCandidacy Assess(EvaluationContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        var result = new LiverResectionCandidacy();
        var facts = new List<Finding>();
        var blockers = new List<Message>();
        var gateMissing = new List<string>();
        var softMissing = new List<string>();
        var cautions = new List<Message>();
        var timing = new List<string>();
        var planned = context.Patient.LiverSurgery.MajorHepatectomyPlanned;

        if (context.HasLiverMetastases == false)
        {
            facts.Add(context.NoLiverMetastasisFinding);
            var none = IndicationCriteria.NoLiverMetastasis(context);
            return result.Finish(TriState.No, none, ReadOnlyValueList<string>.None, TriState.No, none, ReadOnlyValueList<string>.None, facts, cautions);
        }

        if (context.HasLiverMetastases is null)
        {
            gateMissing.Add(context.Patient.Metastases is null ? FactNames.Metastases : FactNames.Lesions);
        }
        else
        {
            Resectability(context, facts, blockers, gateMissing);
        }

        var fitness = context.Fitness;
        facts.AddRange(fitness.Findings);
        blockers.AddRange(fitness.UnfitBecauseMessages);
        softMissing.AddRange(fitness.Missing);
        foreach (var caution in fitness.CautionMessages)
        {
            cautions.Add(FitnessCaution(context, caution));
        }


        // The guideline's surgical indications, whose population candidacy must not exceed: every one presupposes OMD
        // (5.3, 5.4, 8.1, 8.3, 9.1; 1.2 makes diffuse disease ineligible for radical treatment), a liver recurrence is
        // operated only after a long treatment-free interval with good performance status (9.1), and synchronous disease
        // only for residual disease after at least stable disease on systemic treatment (8.2, 8.3).
        Oligometastatic(context, facts, blockers, softMissing);
        result.RecurrenceBelowTreatmentFreeInterval = Recurrence(context, facts, blockers, softMissing, cautions, timing);
        if (context.Timing.Timing is null)
        {
            timing.AddRange(context.Timing.Missing);
        }

        Synchronous(context, facts, blockers, softMissing, cautions);
        MetachronousProgression(context, facts, blockers, softMissing);
        if (ExtrahepaticCaution(context) is { } extrahepatic)
        {
            cautions.Add(extrahepatic);
        }

        if (context.StagingAgeCautionMessage is { } stagingAge)
        {
            cautions.Add(stagingAge);
        }

        var candidateMissing = DistinctStrings(gateMissing, softMissing);

        // Extrahepatic disease outside the lung (recorded, never assumed): no voted indication covers it (5.3 liver only, 5.4
        // liver and lung only; section 3.1 warns of a more systemic disease), so surgery is the board's individual decision
        // (5.1; section 3.5), not a candidacy within the indications (issue #7, sixth read F2). Decided by the recorded lesion
        // whether or not the candidacy is known yet (s22 F1: more staging can only add lesions); never for a non-candidate.
        var beyondLung = ReferenceEquals(ExtrahepaticCaution(context), ExtrahepaticBeyondLungCautionMessage);
        TriState candidate;
        Message candidateBasis;
        if (blockers.Count > 0)
        {
            candidate = TriState.No;
            var distinctBlockers = DistinctMessages(blockers);
            candidateBasis = Message.Of("indication.candidacy.blockers", ("blockers", distinctBlockers));
            if (result.RecurrenceBelowTreatmentFreeInterval && distinctBlockers.Count == 1)
            {
                result.ReassessAfterSystemicTreatment = candidateMissing.Count == 0 ? TriState.Yes : TriState.Unknown;
            }
        }
        else if (candidateMissing.Count > 0)
        {
            candidate = TriState.Unknown;

            // A staging examination recorded as not done is work-up to do, not a fact not recorded (s22 F2).
            candidateBasis = StagingWorkUp.NotRecordedMessage(candidateMissing, context.Patient.Staging);
            result.IndividualBoardDecision = beyondLung;
        }
        else
        {
            candidate = TriState.Yes;
            result.IndividualBoardDecision = beyondLung;
            candidateBasis = context.Timing.Timing == MetastasisTiming.Synchronous && context.Patient.Treatment.SystemicTherapyReceived == false
                    ? SynchronousUntreatedCandidateMessage
                    : Message.Of(
                        "indication.candidacy.candidate",
                        ("beyondLung", result.IndividualBoardDecision),
                        ("liverAndLung", context.LiverWithLungOnly == true),
                        ("progressing", context.Timing.Timing == MetastasisTiming.Metachronous && context.Patient.Treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease));
        }

        // Whether liver resection is on the table.
        if (planned == true)
        {
            facts.Add(PlannedFinding);
        }

        if (candidate == TriState.No)
        {
            return result.NotACandidate(context, planned, blockers, candidateBasis, candidateMissing, facts, cautions);
        }

        if (gateMissing.Count > 0)
        {
            var gate = DistinctStrings(gateMissing, null);
            return result.Finish(TriState.Unknown, FactProse.NotRecordedMessage(gate), gate, candidate, candidateBasis, candidateMissing, facts, cautions);
        }

        // The surgical indications turn on the timing (5.3, 8.1 metachronous; 8.2, 8.3 synchronous) and on whether the disease
        // is a liver recurrence after a TFI (9.1): with a date missing, a fact made unknown must not put surgery on the table.
        var timingMissing = DistinctStrings(timing, null);
        if (timingMissing.Count > 0)
        {
            // Every value of the missing date gives the same status (s22 F6, fifth read F2): not a liver recurrence (known),
            // and no progression on systemic therapy recorded, so neither synchronous timing (8.3: at least stable disease)
            // nor metachronous timing (ProgressionOnSystemicTherapyDefersSurgery) can add a reason against candidacy; with
            // every liver lesion resectable, resection is on the table either way. The status stays unknown (the
            // indications 5.3, 8.1–8.3 and the surgical steps turn on the timing); 5.1 and 5.2, whose population is any
            // resection considered, read this.
            result.StatusWhateverTheTiming = context.IsLiverRecurrence == false
                && context.Patient.Treatment.SystemicTherapyResponse != TreatmentResponse.ProgressiveDisease
                    ? TriState.Yes
                    : TriState.Unknown;
            return result.Finish(
                TriState.Unknown,
                Message.Of("indication.candidacy.basis.timing-unknown", ("notRecorded", FactProse.NotRecordedMessage(timingMissing))),
                timingMissing,
                candidate,
                candidateBasis,
                candidateMissing,
                facts,
                cautions);
        }

        return candidate == TriState.Unknown
            ? result.Finish(TriState.Yes, Message.Of("indication.candidacy.basis.candidacy-unknown", ("basis", candidateBasis)), ReadOnlyValueList<string>.None, candidate, candidateBasis, candidateMissing, facts, cautions)
            : result.Finish(TriState.Yes, planned == true ? PlannedBasisMessage : ResectableBasisMessage, ReadOnlyValueList<string>.None, candidate, candidateBasis, candidateMissing, facts, cautions);
    }

    /// <summary>
    /// A patient who is not a candidate (a known fact rules the guideline's surgical indications out). By default
    /// (<see cref="ConsensusOptions.ApplySurgicalRecommendationsOutsideIndications"/> false) liver resection is not on the
    /// table, whatever is planned: the surgical recommendations are not offered as actions. A resection planned all the
    /// same, or open to section 3.5's case-by-case discussion (disease beyond the OMD lesion or site limits only, every liver
    /// lesion resectable, fit), is <see cref="OutsideIndications"/>, flagged for the tumour board (5.1).
    /// </summary>
    private LiverResectionCandidacy NotACandidate(
        EvaluationContext context,
        bool? planned,
        List<Message> blockers,
        Message candidateBasis,
        IReadOnlyList<string> candidateMissing,
        List<Finding> facts,
        List<Message> cautions)
    {
        // Section 3.5: "the decision for surgical treatment may be at the discretion of the treating physician, based on a
        // case-by-case basis ... and multidisciplinary board discussion".
        var caseByCase = OnlyBeyondTheOmdLimits(context, blockers);
        Message? flag = planned == true
            ? Message.Of("indication.candidacy.caution.planned-outside-indications", ("basis", candidateBasis))
            : caseByCase == TriState.Yes ? Message.Of("indication.candidacy.caution.case-by-case", ("basis", candidateBasis)) : null;
        OutsideIndications = flag is not null ? TriState.Yes
            : planned == false && caseByCase == TriState.No ? TriState.No
            : TriState.Unknown;
        OutsideIndicationsFlagMessage = flag;
        var outsideMissing = new List<string>();
        if (OutsideIndications == TriState.Unknown)
        {
            if (planned is null)
            {
                outsideMissing.Add(FactNames.MajorHepatectomyPlanned);
            }

            if (caseByCase == TriState.Unknown)
            {
                outsideMissing.Add(FactNames.LesionResectable);
            }
        }

        OutsideIndicationsMissing = outsideMissing.ToReadOnlyList();

        if (!context.Options.ApplySurgicalRecommendationsOutsideIndications)
        {
            return Finish(TriState.No, candidateBasis, ReadOnlyValueList<string>.None, TriState.No, candidateBasis, candidateMissing, facts, cautions);
        }

        // The option's alternative: a planned resection, or one open to case-by-case discussion, keeps the surgical
        // recommendations applying, the flag as their first caution.
        if (flag is not null)
        {
            cautions.Insert(0, flag);
            var basis = planned == true
                ? PlannedBasisMessage
                : Message.Of("indication.candidacy.basis.case-by-case", ("basis", candidateBasis));
            return Finish(TriState.Yes, basis, ReadOnlyValueList<string>.None, TriState.No, candidateBasis, candidateMissing, facts, cautions);
        }

        if (caseByCase == TriState.Unknown)
        {
            // Were every liver lesion resectable, the case-by-case branch would put resection on the table.
            return Finish(TriState.Unknown, Message.Of("indication.candidacy.basis.case-by-case-unknown", ("basis", candidateBasis)), LesionResectableMissing, TriState.No, candidateBasis, candidateMissing, facts, cautions);
        }

        return planned == false
            ? Finish(TriState.No, candidateBasis, ReadOnlyValueList<string>.None, TriState.No, candidateBasis, candidateMissing, facts, cautions)
            : Finish(TriState.Unknown, Message.Of("indication.candidacy.basis.plan-unknown", ("basis", candidateBasis)), MajorHepatectomyPlannedMissing, TriState.No, candidateBasis, candidateMissing, facts, cautions);
    }

    /// <summary>
    /// Whether the only reason against candidacy is disease beyond the OMD lesion or site limits (not diffuse disease,
    /// resectability, fitness or the 9.1 criteria) with every liver lesion resectable; unknown when that turns on a
    /// liver lesion whose resectability is not recorded.
    /// </summary>
    private static TriState OnlyBeyondTheOmdLimits(EvaluationContext context, List<Message> blockers)
    {
        var omd = context.Oligometastatic;
        var liver = context.LiverLesions;
        if (blockers.Count != 1
            || omd.Status != TriState.No
            || omd.DiffuseInvolvementPresent
            || !omd.FailingCriteriaMessages.All(c => c.Code is OligometastaticAssessment.TooManyLesionsCode or OligometastaticAssessment.TooManySitesCode)
            || liver.Count == 0 || liver.Any(l => l.Resectable == false)
            || context.Fitness.Status == TriState.No)
        {
            return TriState.No;
        }

        return liver.All(l => l.Resectable == true) ? TriState.Yes : TriState.Unknown;
    }

    private LiverResectionCandidacy Finish(
        TriState status,
        Message basis,
        IReadOnlyList<string> missing,
        TriState candidate,
        Message candidateBasis,
        IReadOnlyList<string> candidateMissing,
        List<Finding> facts,
        List<Message> cautions)
    {
        Status = status;
        BasisMessage = basis;
        ReasonMessage = Message.Of("indication.candidacy.reason", ("basis", basis), ("status", Code(status)));
        Missing = missing.ToReadOnlyList();
        Candidate = candidate;
        CandidateBasisMessage = candidateBasis;
        CandidateMissing = candidateMissing.ToReadOnlyList();
        CandidateFinding = new Finding(CandidateConceptName, Code(candidate), Message.Of("indication.candidacy.verdict", ("basis", candidateBasis), ("candidate", Code(candidate)), ("individual", IndividualBoardDecision)));
        var findings = new Finding[facts.Count + 2];
        findings[0] = new Finding(ConceptName, Code(status), ReasonMessage);
        findings[1] = CandidateFinding;
        facts.CopyTo(findings, 2);
        Findings = ReadOnlyValueList<Finding>.Wrap(findings);
        CautionMessages = DistinctMessages(cautions);
        return this;
    }

    private static string Code(TriState value) => value.Code();

    // The distinct facts of one or two lists, first occurrence first (as Concat + Distinct with the ordinal comparer), as
    // a read-only value list: a handful of facts, so a linear check.
    private static IReadOnlyList<string> DistinctStrings(List<string> first, List<string>? second)
    {
        var total = first.Count + (second?.Count ?? 0);
        if (total == 0)
        {
            return ReadOnlyValueList<string>.None;
        }

        var distinct = new List<string>(total);
        AddDistinct(distinct, first);
        if (second is not null)
        {
            AddDistinct(distinct, second);
        }

        return ReadOnlyValueList<string>.CopyOf(distinct);

        static void AddDistinct(List<string> into, List<string> from)
        {
            foreach (var fact in from)
            {
                var seen = false;
                foreach (var kept in into)
                {
                    if (string.Equals(kept, fact, StringComparison.Ordinal))
                    {
                        seen = true;
                        break;
                    }
                }

                if (!seen)
                {
                    into.Add(fact);
                }
            }
        }
    }

    // The distinct messages, first occurrence first (as Distinct with the messages' value equality), as a read-only value list.
    private static IReadOnlyList<Message> DistinctMessages(List<Message> messages)
    {
        if (messages.Count == 0)
        {
            return ReadOnlyValueList<Message>.None;
        }

        var distinct = new List<Message>(messages.Count);
        foreach (var message in messages)
        {
            if (!distinct.Contains(message))
            {
                distinct.Add(message);
            }
        }

        return ReadOnlyValueList<Message>.CopyOf(distinct);
    }

    private static void Resectability(EvaluationContext context, List<Finding> facts, List<Message> blockers, List<string> missing)
    {
        var liver = context.LiverLesions;
        var unresectable = LiverLesionFacts.Unresectable(liver, out var unrecordedCount);
        var unrecorded = unrecordedCount > 0;

        if (unresectable > 0)
        {
            facts.Add(new Finding(FactNames.LesionResectable, "no", Message.Of("indication.candidacy.not-resectable", ("count", unresectable), ("total", liver.Count), ("all", unresectable == liver.Count))));
            blockers.Add(NotResectableBlockerMessage);
        }
        else if (unrecorded)
        {
            missing.Add(FactNames.LesionResectable);
        }
        else
        {
            facts.Add(new Finding(FactNames.LesionResectable, "yes", Message.Of("indication.liver-lesions-resectable", ("total", liver.Count))));
        }
    }

    private static void Oligometastatic(EvaluationContext context, List<Finding> facts, List<Message> blockers, List<string> missing)
    {
        var omd = context.Oligometastatic;
        if (omd.Status == TriState.No)
        {
            facts.Add(new Finding(OligometastaticAssessment.ConceptName, "no", omd.Findings[0].Message));
            blockers.Add(Message.Of("indication.candidacy.blocker.not-oligometastatic", ("criteria", IndicationCriteria.FailingCriteria(omd))));
        }
        else if (omd.Status == TriState.Unknown)
        {
            missing.AddRange(omd.Missing);
        }
    }

    /// <returns>Whether the recurrence's treatment-free interval is below the 9.1 range.</returns>
    private static bool Recurrence(EvaluationContext context, List<Finding> facts, List<Message> blockers, List<string> missing, List<Message> cautions, List<string> timing)
    {
        switch (context.IsLiverRecurrence)
        {
            case null:
                missing.AddRange(context.LiverRecurrenceMissing);
                timing.AddRange(context.LiverRecurrenceMissing);
                cautions.Add(Message.Of(
                    "indication.candidacy.caution.recurrence-unknown",
                    ("notRecorded", FactProse.NotRecordedMessage(context.LiverRecurrenceMissing)),
                    ("minimumMonths", context.Options.RemetastasectomyMinimumTfiMonths),
                    ("clearMonths", context.Options.RemetastasectomyClearTfiMonths)));
                return false;
            case false:
                return false;
        }

        var window = RemetastasectomyWindow.Assess(context);
        facts.AddRange(window.Findings);
        var below = false;
        switch (window.Position)
        {
            case TreatmentFreeIntervalPosition.BelowRange:
                // 9.1 considers a new resection only after a TFI "longer than 12–18 months"; section 3.9 asks for "a very
                // conservative approach". Not a candidate now: systemic treatment first (9.2), then the tumour board
                // reassesses (ReassessAfterSystemicTreatment).
                below = true;
                blockers.Add(ShortTfiBlockerMessage(window.MinimumMonths, window.ClearMonths, context.Patient.Treatment.AdjuvantTherapyAfterFirstLiverResection));
                break;
            case TreatmentFreeIntervalPosition.Unknown:
                missing.AddRange(window.Missing);
                timing.AddRange(window.Missing);
                cautions.Add(Message.Of("indication.candidacy.caution.tfi-unknown", ("minimumMonths", window.MinimumMonths), ("clearMonths", window.ClearMonths)));
                break;
        }

        var good = context.Options.GoodPerformanceStatusMaximumEcog;
        switch (context.Patient.Clinical.Ecog)
        {
            case { } ecog when ecog > good:
                blockers.Add(Message.Of("indication.candidacy.blocker.recurrence-ecog", ("ecog", ecog), ("goodMaximum", good)));
                break;
            case null:
                missing.Add(FactNames.Ecog);
                break;
        }

        return below;
    }

    private static void Synchronous(EvaluationContext context, List<Finding> facts, List<Message> blockers, List<string> missing, List<Message> cautions)
    {
        var treatment = context.Patient.Treatment;
        var progressing = treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease;

        // Progression on therapy could be recorded or still come to light unless no systemic therapy was given.
        var progressionPossible = progressing || (treatment.SystemicTherapyResponse is null && treatment.SystemicTherapyReceived != false);
        switch (context.Timing.Timing)
        {
            case MetastasisTiming.Synchronous when progressing:
                facts.Add(ProgressiveDiseaseFinding);
                blockers.Add(SynchronousProgressedBlockerMessage);
                break;
            case MetastasisTiming.Synchronous when treatment.SystemicTherapyReceived == false:
                cautions.Add(SynchronousUntreatedCautionMessage);
                break;
            case MetastasisTiming.Synchronous when progressionPossible:
                missing.Add(treatment.SystemicTherapyReceived is null ? FactNames.SystemicTherapyReceived : FactNames.SystemicTherapyResponse);
                break;
            case null when progressionPossible:
                missing.AddRange(context.Timing.Missing);
                break;
        }
    }

    /// <summary>
    /// Metachronous disease progressing on systemic therapy (best response: progressive disease) is not a candidate while
    /// it progresses (<see cref="ConsensusOptions.ProgressionOnSystemicTherapyDefersSurgery"/>; section 3.11: response to
    /// preoperative chemotherapy was associated with survival, progression with worse outcome; section 3.10: disease that
    /// fails to respond should also be considered for transarterial treatment). With systemic therapy recorded as received
    /// and its response not recorded, progression cannot be excluded: the response is missing (never read as "no").
    /// </summary>
    private static void MetachronousProgression(EvaluationContext context, List<Finding> facts, List<Message> blockers, List<string> missing)
    {
        if (!context.Options.ProgressionOnSystemicTherapyDefersSurgery || context.Timing.Timing != MetastasisTiming.Metachronous)
        {
            return;
        }

        var treatment = context.Patient.Treatment;
        if (treatment.SystemicTherapyResponse == TreatmentResponse.ProgressiveDisease)
        {
            facts.Add(ProgressiveDiseaseFinding);
            blockers.Add(IndicationCriteria.ProgressingMessage);
        }
        else if (treatment.SystemicTherapyReceived == true && treatment.SystemicTherapyResponse is null)
        {
            missing.Add(FactNames.SystemicTherapyResponse);
        }
    }

    /// <summary>
    /// Extrahepatic disease narrows the indication: 5.3 covers liver-only disease and 5.4 liver plus lung only, in highly
    /// selected patients; section 3.1 warns that concurrent extrapulmonary extrahepatic lesions "could mean a more
    /// systemic disease and portend a dismal prognosis" (messages <c>indication.caution.extrahepatic.*</c>).
    /// </summary>
    internal static Message? ExtrahepaticCaution(EvaluationContext context)
    {
        var extrahepatic = context.ExtrahepaticLesions;
        if (extrahepatic.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < extrahepatic.Count; i++)
        {
            if (extrahepatic[i].Site != MetastaticSite.Lung)
            {
                return ExtrahepaticBeyondLungCautionMessage;
            }
        }

        return ExtrahepaticLungCautionMessage;
    }

    /// <summary>
    /// A fitness caution as the surgical recommendations carry it: the ECOG caution cites 9.1 ("good performance status"
    /// for "a new liver resection") only for a liver recurrence, and conditionally while that is unknown; for a first
    /// resection its sources are section 1 and 7.2 (s22 F6: 9.1 was cited for a patient with no previous liver resection).
    /// </summary>
    internal static Message FitnessCaution(EvaluationContext context, Message caution) =>
        caution.Code == EcogNotGoodCautionCode
            ? Message.Of(EcogNotGoodCautionCode, ("ecog", caution.Arguments.Get("ecog")), ("recurrence", context.IsLiverRecurrence switch { true => "yes", false => "no", null => "unknown" }))
            : caution;

    private const string EcogNotGoodCautionCode = "preoperative-assessment.ecog-not-good-caution";

    /// <summary>The reason against candidacy of a liver recurrence whose TFI is not longer than the lower bound of 9.1 (a lower-case clause).</summary>
    /// <param name="minimumMonths">The lower bound of the 9.1 range, in months.</param>
    /// <param name="clearMonths">The upper bound of the 9.1 range, in months.</param>
    /// <param name="afterAdjuvant">Whether adjuvant chemotherapy followed the first liver resection (9.2's two branches: systemic
    /// treatment first without it, case by case per 11.2 after it), or <see langword="null"/> when not recorded.</param>
    internal static Message ShortTfiBlockerMessage(int minimumMonths, int clearMonths, bool? afterAdjuvant) =>
        Message.Of("indication.candidacy.blocker.recurrence-short-tfi", ("minimumMonths", minimumMonths), ("clearMonths", clearMonths), ("afterAdjuvant", afterAdjuvant));
}
