using System.Collections.Generic;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

// In the Engine namespace: a Sarcoma.Consensus.Tests.Evaluation namespace would hide Sarcoma.Consensus.Evaluation from
// the other tests, which name it as Evaluation.X.
namespace Sarcoma.Consensus.Tests.Engine;

/// <summary>
/// Issue #12: the per-thread working lists of the derived concepts (<see cref="ScratchList{T}"/>) are never handed to two
/// users at once and come back empty; the per-process tables (<see cref="MemoTable{T}"/>) make each value once, from its
/// key only, and validation of a valid record returns the shared empty list.
/// </summary>
public sealed class ScratchAndMemoTests
{
    [Fact]
    public void A_list_rented_while_another_is_out_is_a_different_one()
    {
        var first = ScratchList<string>.Rent();
        var second = ScratchList<string>.Rent();

        Assert.NotSame(first, second);
        ScratchList<string>.Return(first);
        ScratchList<string>.Return(second);
    }

    [Fact]
    public void A_returned_list_comes_back_empty_and_is_reused_on_the_same_thread()
    {
        var list = ScratchList<Message>.Rent();
        list.Add(new Message("omd.verdict.yes"));
        ScratchList<Message>.Return(list);

        var again = ScratchList<Message>.Rent();

        Assert.Same(list, again);
        Assert.Empty(again);
        ScratchList<Message>.Return(again);
    }

    [Fact]
    public void A_table_makes_each_value_once_from_its_key()
    {
        var made = new List<int>();
        var table = new MemoTable<Message>(4, key =>
        {
            made.Add(key);
            return Message.Of("interval.duration", ("months", key), ("days", 0));
        });

        var first = table[2];
        var second = table[2];

        Assert.Same(first, second);
        Assert.Equal(Message.Of("interval.duration", ("months", 2), ("days", 0)), first);
        Assert.Equal(new[] { 2 }, made);
    }

    [Fact]
    public void A_valid_record_validates_to_the_shared_empty_list_and_an_invalid_one_to_its_problems()
    {
        var valid = Patient.Builder().Build();
        var invalid = new Patient { Clinical = new ClinicalStatus { Ecog = 7 } };

        Assert.Same(PatientValidator.Validate(valid), PatientValidator.Validate(valid));
        Assert.Empty(PatientValidator.Validate(valid));
        Assert.Contains(PatientValidator.Validate(invalid), e => e.Field == FactNames.Ecog);
    }
}
