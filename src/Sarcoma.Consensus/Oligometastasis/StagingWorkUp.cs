using System;
using System.Collections.Generic;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Oligometastasis;

/// <summary>
/// Words the facts an assessment still needs, telling a staging examination recorded as <em>not done</em> from a fact not
/// recorded (s22 F2): a scan not done is work-up to do, not a missing record. 1.1 asks that OMD be "confirmed by
/// morphologic staging and additional imaging and/or nuclear medicine modalities"; section 3.1 names FDG-PET/CT and MRI,
/// so either liver MRI or FDG-PET/CT completes the staging (this library's reading, docs/clinical-decisions.md). The
/// missing facts themselves (JSON paths) are unchanged: the result of the scan is still what decides.
/// </summary>
internal static class StagingWorkUp
{
    /// <summary>
    /// "a and b are not recorded", with the staging examinations recorded as not done said as work-up instead (messages
    /// <c>facts.not-recorded</c>, <c>staging.to-do</c>, <c>facts.not-recorded-and-to-do</c>).
    /// </summary>
    /// <param name="facts">The missing facts (JSON paths).</param>
    /// <param name="staging">The patient's staging record.</param>
    /// <returns>The clause, lower case.</returns>
    public static Message NotRecordedMessage(IReadOnlyList<string> facts, Staging staging)
    {
        var contrastCt = false;
        var additional = false;
        List<string>? notRecorded = null;
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (string.Equals(fact, FactNames.StagingContrastCt, StringComparison.Ordinal) && staging.ContrastCt == false)
            {
                contrastCt = true;
            }
            else if ((string.Equals(fact, FactNames.StagingLiverMri, StringComparison.Ordinal) && staging.LiverMri == false)
                || (string.Equals(fact, FactNames.StagingFdgPetCt, StringComparison.Ordinal) && staging.FdgPetCt == false))
            {
                additional = true;
            }
            else
            {
                (notRecorded ??= new List<string>(facts.Count)).Add(fact);
            }
        }

        if (!contrastCt && !additional)
        {
            return FactProse.NotRecordedMessage(facts);
        }

        // One of liver MRI and FDG-PET/CT recorded as not done and the other not recorded: the other is still named as not
        // recorded (it may have been done), and the work-up names either scan (either completes the staging).
        var toDo = Message.Of("staging.to-do", ("ct", contrastCt), ("additional", additional));
        return notRecorded is null
            ? toDo
            : Message.Of("facts.not-recorded-and-to-do", ("notRecorded", FactProse.NotRecordedMessage(notRecorded)), ("toDo", toDo));
    }
}
