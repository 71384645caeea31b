using System.Collections.Generic;
using System.Linq;

namespace Sarcoma.Consensus.Tests.Catalog;

/// <summary>One row of Table 5, typed by hand from the paper: the numbers as printed, the category as printed.</summary>
internal sealed record Table5Row(
    string Id,
    int Total,
    int Yes,
    int No,
    int PrintedPercent,
    string PrintedCategory,
    string Level,
    string Strength);

/// <summary>
/// Table 5 of Lopes-Brás R, et al. Cancers 2025;17:1295, typed independently of the library's catalog so that
/// the tests compare two transcriptions, not the catalog with itself. A row "3633392% strong" is
/// total 36, yes 33, no 3, 92 %, strong.
/// </summary>
internal static class Table5
{
    public static IReadOnlyList<Table5Row> Rows { get; } = new Table5Row[]
    {
        new("1.1", 36, 33, 3, 92, "strong", "V", "B"),
        new("1.2", 34, 30, 4, 88, "weak", "V", "B"),
        new("2.1", 36, 30, 6, 83, "weak", "V", "B"),
        new("2.2", 37, 30, 7, 81, "weak", "V", "B"),
        new("3.1", 37, 36, 1, 97, "strong", "V", "B"),
        new("3.2", 37, 23, 14, 62, "not reached", "V", "B"),
        new("3.3", 36, 32, 4, 89, "weak", "IV", "A"),
        new("4.1", 36, 36, 0, 100, "unanimous", "V", "B"),
        new("4.2", 36, 36, 0, 100, "unanimous", "V", "B"),
        new("4.3", 38, 32, 6, 84, "weak", "V", "B"),
        new("5.1", 38, 38, 0, 100, "unanimous", "V", "B"),
        new("5.2", 35, 34, 1, 97, "strong", "V", "B"),
        new("5.3", 36, 36, 0, 100, "unanimous", "V", "B"),
        new("5.4", 37, 34, 3, 92, "strong", "V", "C"),
        new("5.5", 35, 20, 15, 57, "not reached", "V", "D"),
        new("6.1", 36, 35, 1, 97, "strong", "V", "B"),
        new("6.2", 36, 35, 1, 97, "strong", "V", "B"),
        new("6.3", 36, 36, 0, 100, "unanimous", "V", "B"),
        new("6.4", 36, 34, 2, 94, "strong", "V", "B"),
        new("6.5", 35, 35, 0, 100, "unanimous", "V", "B"),
        new("7.1", 37, 37, 0, 100, "unanimous", "V", "B"),
        new("7.2", 37, 37, 0, 100, "unanimous", "V", "B"),
        new("8.1", 36, 34, 2, 94, "strong", "V", "B"),
        new("8.2", 35, 30, 5, 86, "weak", "V", "B"),
        new("8.3", 34, 34, 0, 100, "unanimous", "V", "B"),
        new("9.1", 35, 35, 0, 100, "unanimous", "V", "B"),
        new("9.2", 35, 34, 1, 97, "strong", "V", "B"),
        new("10.1", 36, 35, 1, 97, "strong", "V", "B"),
        new("10.2", 35, 27, 8, 77, "not reached", "V", "C"),
        new("11.1", 36, 35, 1, 97, "strong", "V", "B"),
        new("11.2", 36, 35, 1, 97, "strong", "V", "B"),
        new("12.1", 35, 35, 0, 100, "unanimous", "V", "B"),
        new("13.1", 36, 31, 5, 86, "weak", "V", "B"),
        new("13.2", 36, 36, 0, 100, "unanimous", "V", "B"),
    };

    /// <summary>The 13 questions as Table 5 prints them, numbered 1 to 13.</summary>
    public static IReadOnlyList<string> Questions { get; } = new[]
    {
        "What is the definition of oligometastatic disease in soft tissue sarcoma?",
        "What is the definition of synchronous and metachronous OMD?",
        "What is the role of biopsy in sarcoma liver metastases?",
        "How should sarcoma liver metastases be evaluated radiologically?",
        "In which patients with mSTS is hepatic metastasectomy indicated?",
        "What is the best surgical approach?",
        "How should patients be evaluated before surgery?",
        "When should surgical resection of liver metastases be considered?",
        "Remetastasectomy: Is there a role for surgery for liver recurrence?",
        "Which patients are candidates for ablative techniques for liver metastases?",
        "Is there a role for induction chemotherapy before liver metastasectomy?",
        "Is there a role for adjuvant systemic treatment after liver metastasectomy?",
        "How should post-metastasectomy follow-up be performed?",
    };

    /// <summary>The recommendations whose Table 5 wording differs from the narrative section's (beyond "≤ 5" spacing and the final full stop).</summary>
    public static IReadOnlyList<string> IdsWithDifferentTableWording { get; } = new[]
    {
        "1.2", "2.2", "5.1", "5.5", "6.1", "6.2", "6.3", "6.5", "8.3", "9.1", "11.2", "13.1", "13.2",
    };

    public static Table5Row Row(string id) => Rows.Single(row => row.Id == id);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows)
        {
            data.Add(row.Id);
        }

        return data;
    }
}
