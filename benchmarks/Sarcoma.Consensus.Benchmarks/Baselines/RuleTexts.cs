namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// The 9 decisions as two conditions each over <see cref="DecisionFacts"/> (parameter <c>f</c>): when the
/// recommendation applies, and when it does not; neither means insufficient data. The RulesEngine workflow is built from
/// these texts; the NRules rules state the same conditions in C#.
/// </summary>
public static class RuleTexts
{
    private const string Against81 = "f.Recurrence == 1 || f.Timing == 1 || f.Omd == 0 || f.HasLiver == 0 || (f.HasLiver == 1 && f.LiverResectable == 0) || f.Fitness == 0";
    private const string Known81 = "f.Timing == 2 && f.Omd == 1 && f.HasLiver == 1 && f.LiverResectable == 1 && f.Recurrence == 0";
    private const string Against54 = "f.Recurrence == 1 || f.Timing == 1 || f.Omd == 0 || f.HasLiver == 0 || (f.HasLiver == 1 && ((f.Extrahepatic == 0 && f.StagingUnconfirmed == 0) || f.BeyondLung > 0 || f.AllResectable == 0)) || f.Fitness == 0";
    private const string Against91 = "f.PreviousResection == 0 || f.HasLiver == 0 || f.PrecedesResection || f.Omd == 0 || f.Window == 0 || f.Ecog > 1 || f.LiverResectable == 0 || f.Fitness == 0";

    /// <summary>Per decision (in <see cref="DecisionFacts.Ids"/> order): (applies, does not apply).</summary>
    public static readonly (string Applies, string DoesNotApply)[] Conditions =
    {
        ("f.Omd == 1", "f.Omd == 0"),
        ("f.Diffuse == 1", "f.Diffuse == 0"),
        ("!(f.Timing == 2 || f.Omd == 0) && f.Timing == 1 && f.Omd == 1", "f.Timing == 2 || f.Omd == 0"),
        ("!(f.Timing == 1 || f.Omd == 0) && f.Timing == 2 && f.Omd == 1", "f.Timing == 1 || f.Omd == 0"),
        ("!(" + Against81 + " || (f.HasLiver == 1 && f.Extrahepatic > 0)) && " + Known81, Against81 + " || (f.HasLiver == 1 && f.Extrahepatic > 0)"),
        ("!(" + Against54 + ") && f.Timing == 2 && f.Omd == 1 && f.HasLiver == 1 && f.AllResectable == 1 && f.Recurrence == 0", Against54),
        ("!(" + Against81 + ") && " + Known81, Against81),
        ("!(f.Timing == 2 || f.Omd == 0 || f.HasLiver == 0) && f.Timing == 1 && f.Omd == 1 && f.HasLiver == 1", "f.Timing == 2 || f.Omd == 0 || f.HasLiver == 0"),
        ("!(" + Against91 + ") && f.Recurrence == 1 && f.Omd == 1 && f.Window == 1 && f.Ecog >= 0", Against91),
    };
}
