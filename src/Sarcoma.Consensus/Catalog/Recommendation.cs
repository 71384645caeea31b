using System;

namespace Sarcoma.Consensus.Catalog;

/// <summary>What kind of statement a recommendation is.</summary>
public enum RecommendationKind
{
    /// <summary>Defines a clinical concept (for example oligometastatic disease) rather than an action.</summary>
    Definition,

    /// <summary>Recommends, allows or discourages a clinical action for patients who meet its conditions.</summary>
    Directive,

    /// <summary>Governs how a decision is made (tumour board, reference centre), whenever that decision is on the table.</summary>
    ProcessRequirement,
}

/// <summary>Which way a recommendation points.</summary>
public enum RecommendationDirection
{
    /// <summary>In favour of the action or inclusion it names ("should", "is recommended", "is defined as").</summary>
    For,

    /// <summary>Against the action or inclusion it names ("should be discouraged", "should exclude").</summary>
    Against,

    /// <summary>Permissive or individualised ("may be considered", "could be considered", "case by case").</summary>
    Conditional,
}

/// <summary>The percentage and category printed in Table 5, kept so the computed values can be checked against them.</summary>
/// <remarks>This type is an immutable value type and is thread-safe.</remarks>
public readonly struct PrintedConsensus
{
    /// <summary>Creates the printed values.</summary>
    /// <param name="agreementPercent">The whole percentage printed in Table 5.</param>
    /// <param name="category">The category label printed in Table 5.</param>
    public PrintedConsensus(int agreementPercent, ConsensusCategory category)
    {
        if (agreementPercent < 0 || agreementPercent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(agreementPercent), "A percentage must be 0 to 100.");
        }

        AgreementPercent = agreementPercent;
        Category = category;
    }

    /// <summary>Gets the whole percentage printed in Table 5.</summary>
    public int AgreementPercent { get; }

    /// <summary>Gets the category label printed in Table 5.</summary>
    public ConsensusCategory Category { get; }
}

/// <summary>One of the guideline's 13 questions (Table 5), answered by narrative section 3.x.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class GuidelineSection
{
    internal GuidelineSection(int number, string narrativeSection, string question, string narrativeHeading)
    {
        Number = number;
        NarrativeSection = narrativeSection;
        Question = question;
        NarrativeHeading = narrativeHeading;
    }

    /// <summary>Gets the question number, 1 to 13.</summary>
    public int Number { get; }

    /// <summary>Gets the narrative section that discusses the question, for example <c>3.5</c>.</summary>
    public string NarrativeSection { get; }

    /// <summary>Gets the question as Table 5 words it.</summary>
    public string Question { get; }

    /// <summary>Gets the heading of the narrative section.</summary>
    public string NarrativeHeading { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Number}. {Question}";
}

/// <summary>
/// One voted recommendation of the guideline: its wording, grade, votes and the consensus it reached.
/// </summary>
/// <remarks>
/// Instances come only from <see cref="RecommendationCatalog"/>. This type is immutable and thread-safe.
/// </remarks>
public sealed class Recommendation
{
    internal Recommendation(
        string id,
        GuidelineSection section,
        RecommendationKind kind,
        RecommendationDirection direction,
        string shortTitle,
        string text,
        string tableText,
        EvidenceGrade grade,
        EvidenceGrade? sectionGrade,
        Votes votes,
        PrintedConsensus printed)
    {
        Id = id;
        Section = section;
        Kind = kind;
        Direction = direction;
        ShortTitle = shortTitle;
        Text = text;
        TableText = tableText;
        Grade = grade;
        SectionGrade = sectionGrade;
        Votes = votes;
        Printed = printed;
        Consensus = votes.Category;
    }

    /// <summary>Gets the identifier, for example <c>5.3</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the question this recommendation answers.</summary>
    public GuidelineSection Section { get; }

    /// <summary>Gets whether this is a definition, a directive or a process requirement.</summary>
    public RecommendationKind Kind { get; }

    /// <summary>Gets the direction of the recommendation.</summary>
    public RecommendationDirection Direction { get; }

    /// <summary>Gets a short title for tables (not the paper's wording; <see cref="Text"/> is).</summary>
    public string ShortTitle { get; }

    /// <summary>Gets the canonical wording: the text of narrative section 3.x.</summary>
    public string Text { get; }

    /// <summary>Gets the wording printed in Table 5, which differs from <see cref="Text"/> for some recommendations.</summary>
    public string TableText { get; }

    /// <summary>Gets a value indicating whether Table 5 words the recommendation differently from the narrative section.</summary>
    public bool TableTextDiffers => !string.Equals(Normalize(Text), Normalize(TableText), StringComparison.Ordinal);

    /// <summary>Gets the grade printed in Table 5: the grade this library reports.</summary>
    public EvidenceGrade Grade { get; }

    /// <summary>
    /// Gets the grade printed in the narrative section, or <see langword="null"/> where the section prints
    /// none (recommendation 3.2).
    /// </summary>
    public EvidenceGrade? SectionGrade { get; }

    /// <summary>Gets a value indicating whether the narrative section and Table 5 disagree on the grade (including a grade missing from one of them).</summary>
    public bool GradeDiscrepancy => SectionGrade != Grade;

    /// <summary>Gets the panel's votes.</summary>
    public Votes Votes { get; }

    /// <summary>Gets the consensus category, computed from <see cref="Votes"/> by <see cref="ConsensusRule"/>.</summary>
    public ConsensusCategory Consensus { get; }

    /// <summary>Gets a value indicating whether the recommendation reached consensus. Items that did not are shown, never presented as advice.</summary>
    public bool ReachedConsensus => Consensus != ConsensusCategory.NotReached;

    /// <summary>Gets the percentage and category as printed in Table 5.</summary>
    public PrintedConsensus Printed { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {ShortTitle}";

    private static string Normalize(string text) =>
        text.Replace("≤ ", "≤").TrimEnd('.');
}
