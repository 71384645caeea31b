using NodaTime;

namespace Sarcoma.Consensus.Catalog;

/// <summary>Bibliographic and methodological metadata of the encoded guideline.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class Guideline
{
    internal Guideline()
    {
    }

    /// <summary>Gets the title of the paper.</summary>
    public string Title { get; } =
        "Ibero-American Consensus for the Management of Liver Metastases of Soft Tissue Sarcoma: Updated Review and Clinical Recommendations";

    /// <summary>Gets the author line, first author et al.</summary>
    public string Authors { get; } = "Lopes-Brás R, Muñoz P, Netto E, et al.";

    /// <summary>Gets the journal.</summary>
    public string Journal { get; } = "Cancers";

    /// <summary>Gets the year of publication.</summary>
    public int Year { get; } = 2025;

    /// <summary>Gets the volume and issue, as printed: <c>17(8)</c>.</summary>
    public string VolumeIssue { get; } = "17(8)";

    /// <summary>Gets the article number.</summary>
    public int ArticleNumber { get; } = 1295;

    /// <summary>Gets the DOI.</summary>
    public string Doi { get; } = "10.3390/cancers17081295";

    /// <summary>Gets the date of publication.</summary>
    public LocalDate PublishedOn { get; } = new LocalDate(2025, 4, 11);

    /// <summary>Gets the date of the consensus meeting (Madrid) at which the recommendations were voted.</summary>
    public LocalDate ConsensusMeetingOn { get; } = new LocalDate(2024, 5, 10);

    /// <summary>Gets the name of the grading system.</summary>
    public string GradingSystem { get; } =
        "Infectious Diseases Society of America–United States Public Health Service Grading System";

    /// <summary>Gets the consensus rule in plain words.</summary>
    public string ConsensusRuleDescription { get; } = ConsensusRule.Description;

    /// <summary>Gets a short citation, for example for report headers.</summary>
    public string Citation => $"{Authors} {Journal} {Year};{VolumeIssue}:{ArticleNumber}. doi:{Doi}";

    /// <inheritdoc />
    public override string ToString() => Citation;
}
