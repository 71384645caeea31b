using NRules.Fluent.Dsl;
using Sarcoma.Consensus.Evaluation;

namespace Sarcoma.Consensus.Benchmarks.Baselines.NRulesRules;

// Generated from RuleTexts.Conditions (same conditions, C# syntax): one NRules rule per decision and outcome; no rule means insufficient data.
#pragma warning disable SA1402, SA1649

[Name("1.1/Applies")]
public sealed class R1_1_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Omd == 1);
        Then().Do(ctx => f.Set(0, EvaluationStatus.Applies));
    }
}

[Name("1.1/DoesNotApply")]
public sealed class R1_1_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Omd == 0);
        Then().Do(ctx => f.Set(0, EvaluationStatus.DoesNotApply));
    }
}

[Name("1.2/Applies")]
public sealed class R1_2_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Diffuse == 1);
        Then().Do(ctx => f.Set(1, EvaluationStatus.Applies));
    }
}

[Name("1.2/DoesNotApply")]
public sealed class R1_2_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Diffuse == 0);
        Then().Do(ctx => f.Set(1, EvaluationStatus.DoesNotApply));
    }
}

[Name("2.1/Applies")]
public sealed class R2_1_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Timing == 2 || x.Omd == 0) && x.Timing == 1 && x.Omd == 1);
        Then().Do(ctx => f.Set(2, EvaluationStatus.Applies));
    }
}

[Name("2.1/DoesNotApply")]
public sealed class R2_1_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Timing == 2 || x.Omd == 0);
        Then().Do(ctx => f.Set(2, EvaluationStatus.DoesNotApply));
    }
}

[Name("2.2/Applies")]
public sealed class R2_2_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Timing == 1 || x.Omd == 0) && x.Timing == 2 && x.Omd == 1);
        Then().Do(ctx => f.Set(3, EvaluationStatus.Applies));
    }
}

[Name("2.2/DoesNotApply")]
public sealed class R2_2_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Timing == 1 || x.Omd == 0);
        Then().Do(ctx => f.Set(3, EvaluationStatus.DoesNotApply));
    }
}

[Name("5.3/Applies")]
public sealed class R5_3_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && x.LiverResectable == 0) || x.Fitness == 0 || (x.HasLiver == 1 && x.Extrahepatic > 0)) && x.Timing == 2 && x.Omd == 1 && x.HasLiver == 1 && x.LiverResectable == 1 && x.Recurrence == 0);
        Then().Do(ctx => f.Set(4, EvaluationStatus.Applies));
    }
}

[Name("5.3/DoesNotApply")]
public sealed class R5_3_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && x.LiverResectable == 0) || x.Fitness == 0 || (x.HasLiver == 1 && x.Extrahepatic > 0));
        Then().Do(ctx => f.Set(4, EvaluationStatus.DoesNotApply));
    }
}

[Name("5.4/Applies")]
public sealed class R5_4_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && ((x.Extrahepatic == 0 && x.StagingUnconfirmed == 0) || x.BeyondLung > 0 || x.AllResectable == 0)) || x.Fitness == 0) && x.Timing == 2 && x.Omd == 1 && x.HasLiver == 1 && x.AllResectable == 1 && x.Recurrence == 0);
        Then().Do(ctx => f.Set(5, EvaluationStatus.Applies));
    }
}

[Name("5.4/DoesNotApply")]
public sealed class R5_4_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && ((x.Extrahepatic == 0 && x.StagingUnconfirmed == 0) || x.BeyondLung > 0 || x.AllResectable == 0)) || x.Fitness == 0);
        Then().Do(ctx => f.Set(5, EvaluationStatus.DoesNotApply));
    }
}

[Name("8.1/Applies")]
public sealed class R8_1_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && x.LiverResectable == 0) || x.Fitness == 0) && x.Timing == 2 && x.Omd == 1 && x.HasLiver == 1 && x.LiverResectable == 1 && x.Recurrence == 0);
        Then().Do(ctx => f.Set(6, EvaluationStatus.Applies));
    }
}

[Name("8.1/DoesNotApply")]
public sealed class R8_1_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Recurrence == 1 || x.Timing == 1 || x.Omd == 0 || x.HasLiver == 0 || (x.HasLiver == 1 && x.LiverResectable == 0) || x.Fitness == 0);
        Then().Do(ctx => f.Set(6, EvaluationStatus.DoesNotApply));
    }
}

[Name("8.2/Applies")]
public sealed class R8_2_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.Timing == 2 || x.Omd == 0 || x.HasLiver == 0) && x.Timing == 1 && x.Omd == 1 && x.HasLiver == 1);
        Then().Do(ctx => f.Set(7, EvaluationStatus.Applies));
    }
}

[Name("8.2/DoesNotApply")]
public sealed class R8_2_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.Timing == 2 || x.Omd == 0 || x.HasLiver == 0);
        Then().Do(ctx => f.Set(7, EvaluationStatus.DoesNotApply));
    }
}

[Name("9.1/Applies")]
public sealed class R9_1_Applies : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => !(x.PreviousResection == 0 || x.HasLiver == 0 || x.PrecedesResection || x.Omd == 0 || x.Window == 0 || x.Ecog > 1 || x.LiverResectable == 0 || x.Fitness == 0) && x.Recurrence == 1 && x.Omd == 1 && x.Window == 1 && x.Ecog >= 0);
        Then().Do(ctx => f.Set(8, EvaluationStatus.Applies));
    }
}

[Name("9.1/DoesNotApply")]
public sealed class R9_1_DoesNotApply : Rule
{
    public override void Define()
    {
        DecisionFacts f = null!;
        When().Match<DecisionFacts>(() => f, x => x.PreviousResection == 0 || x.HasLiver == 0 || x.PrecedesResection || x.Omd == 0 || x.Window == 0 || x.Ecog > 1 || x.LiverResectable == 0 || x.Fitness == 0);
        Then().Do(ctx => f.Set(8, EvaluationStatus.DoesNotApply));
    }
}
