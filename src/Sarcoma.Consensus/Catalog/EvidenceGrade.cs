using System;

namespace Sarcoma.Consensus.Catalog;

/// <summary>
/// Level of evidence under the Infectious Diseases Society of America–United States Public Health
/// Service (IDSA–USPHS) grading system used by the guideline (reference 9 of the paper).
/// </summary>
public enum EvidenceLevel
{
    /// <summary>Evidence from at least one large randomised controlled trial of good methodological quality, or meta-analyses of well-conducted randomised trials without heterogeneity.</summary>
    I = 1,

    /// <summary>Small randomised trials or large randomised trials with a suspicion of bias, or meta-analyses of such trials or of trials with demonstrated heterogeneity.</summary>
    II = 2,

    /// <summary>Prospective cohort studies.</summary>
    III = 3,

    /// <summary>Retrospective cohort studies or case–control studies.</summary>
    IV = 4,

    /// <summary>Studies without a control group, case reports, or expert opinion.</summary>
    V = 5,
}

/// <summary>Strength of recommendation under the IDSA–USPHS grading system.</summary>
public enum RecommendationStrength
{
    /// <summary>Strong evidence for efficacy with a substantial clinical benefit; strongly recommended.</summary>
    A,

    /// <summary>Strong or moderate evidence for efficacy but with a limited clinical benefit; generally recommended.</summary>
    B,

    /// <summary>Insufficient evidence for efficacy, or benefit not outweighing the risk or disadvantages; optional.</summary>
    C,

    /// <summary>Moderate evidence against efficacy or for an adverse outcome; generally not recommended.</summary>
    D,

    /// <summary>Strong evidence against efficacy or for an adverse outcome; never recommended.</summary>
    E,
}

/// <summary>
/// A level of evidence and a strength of recommendation, printed in the paper as "(V,B)".
/// </summary>
/// <remarks>This type is an immutable value type and is thread-safe.</remarks>
public readonly struct EvidenceGrade : IEquatable<EvidenceGrade>
{
    /// <summary>Creates a grade.</summary>
    /// <param name="level">The level of evidence (I–V).</param>
    /// <param name="strength">The strength of recommendation (A–E).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a defined member of its enum.</exception>
    public EvidenceGrade(EvidenceLevel level, RecommendationStrength strength)
    {
        if (level < EvidenceLevel.I || level > EvidenceLevel.V)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "The level of evidence must be I to V.");
        }

        if (strength < RecommendationStrength.A || strength > RecommendationStrength.E)
        {
            throw new ArgumentOutOfRangeException(nameof(strength), "The strength of recommendation must be A to E.");
        }

        Level = level;
        Strength = strength;
    }

    /// <summary>Gets the level of evidence.</summary>
    public EvidenceLevel Level { get; }

    /// <summary>Gets the strength of recommendation.</summary>
    public RecommendationStrength Strength { get; }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(EvidenceGrade left, EvidenceGrade right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(EvidenceGrade left, EvidenceGrade right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(EvidenceGrade other) => Level == other.Level && Strength == other.Strength;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EvidenceGrade other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Level * 31) + (int)Strength;

    /// <summary>Formats the grade as the paper prints it, for example <c>(V,B)</c>.</summary>
    public override string ToString() => $"({Level},{Strength})";
}
