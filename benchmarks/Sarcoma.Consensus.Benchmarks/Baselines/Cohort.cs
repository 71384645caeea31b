using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Sarcoma.Consensus.Benchmarks.Baselines;

/// <summary>
/// A seeded, deterministic generator of varied patient documents (one compact JSON line each): every fact the 9
/// decisions read is sometimes true, false or absent, with 0–7 lesions at 1–4 sites, dates around the 6-month window
/// and the 12-month TFI, previous liver resections dated or not. Dates are before <see cref="AsOf"/>. Some lines are
/// rejected by validation on purpose-free chance (inconsistent dates); those are counted by the callers, not hidden.
/// </summary>
public static class Cohort
{
    /// <summary>The evaluation date of the cohort.</summary>
    public static readonly LocalDate AsOf = new(2026, 11, 26);

    private static readonly string[] Histologies = { "leiomyosarcoma", "synovial-sarcoma", "myxofibrosarcoma", "dedifferentiated-liposarcoma", "8802/3" };
    private static readonly string[] PrimarySites = { "retroperitoneal", "extremity", "trunk", "intra-abdominal-visceral" };
    private static readonly string[] Sites = { "liver", "liver", "liver", "lung", "lung", "bone", "lymph-node", "soft-tissue" };

    /// <summary>Generates <paramref name="count"/> lines from <paramref name="seed"/>.</summary>
    public static IEnumerable<string> Lines(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Line(random, i);
        }
    }

    /// <summary>Writes <paramref name="count"/> lines to a file (the batch input of the timed run).</summary>
    public static void Write(string path, int count, int seed)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var line in Lines(count, seed))
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static string Line(Random r, int index)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            // Half the patients fully described (rarely a fact missing), half with facts often missing.
            var nulls = r.Next(2) == 0 ? 0.01 : 0.15;
            w.WriteStartObject();
            w.WriteString("label", "cohort-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var diagnosed = AsOf.PlusDays(-r.Next(200, 3000));
            w.WriteStartObject("primary");
            w.WriteString("histology", Histologies[r.Next(Histologies.Length)]);
            w.WriteString("site", PrimarySites[r.Next(PrimarySites.Length)]);
            if (r.Next(10) > 0)
            {
                w.WriteString("diagnosedOn", Iso(diagnosed));
            }

            var resected = Tri(r, 0.75, nulls);
            Bool(w, "resected", resected);
            if (resected == false)
            {
                Bool(w, "resectable", Tri(r, 0.6, nulls));
            }

            w.WriteEndObject();

            // Detection: within or beyond the 6-month window, sometimes exactly on its boundary.
            var detectedDays = r.Next(4) switch
            {
                0 => r.Next(0, 180),
                1 => -1,
                _ => r.Next(183, Math.Max(184, Period.Between(diagnosed, AsOf, PeriodUnits.Days).Days)),
            };
            var detected = detectedDays < 0 ? diagnosed.PlusMonths(6) : diagnosed.PlusDays(detectedDays);
            if (detected > AsOf)
            {
                detected = AsOf;
            }

            var hasMetastases = r.Next(20) > 0;
            if (hasMetastases)
            {
                w.WriteStartObject("metastases");
                if (r.Next(12) > 0)
                {
                    w.WriteString("detectedOn", Iso(detected));
                }

                var ned = r.Next(25) == 0;
                if (ned)
                {
                    w.WriteBoolean("noEvidenceOfDisease", true);
                }
                else
                {
                    var lesions = r.Next(12) == 0 ? 0 : r.Next(10) == 0 ? r.Next(6, 8) : r.Next(1, 5);
                    var siteCount = r.Next(1, 4);
                    w.WriteStartArray("lesions");
                    for (var l = 0; l < lesions; l++)
                    {
                        var site = l < siteCount ? Sites[r.Next(Sites.Length)] : Sites[r.Next(3)];
                        w.WriteStartObject();
                        w.WriteString("site", site);
                        w.WriteNumber("sizeMm", r.Next(5, 60));
                        if (site == "liver")
                        {
                            w.WriteStartArray("segments");
                            w.WriteNumberValue(r.Next(1, 9));
                            w.WriteEndArray();
                        }

                        Bool(w, "resectable", Tri(r, 0.8, nulls));
                        Bool(w, "ablatable", Tri(r, 0.5, nulls));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteStartObject("diffuse");
                Bool(w, "pleural", Tri(r, 0.04, nulls));
                Bool(w, "pericardial", Tri(r, 0.02, nulls));
                Bool(w, "peritoneal", Tri(r, 0.05, nulls));
                Bool(w, "leptomeningeal", Tri(r, 0.01, nulls));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteStartObject("staging");
            Bool(w, "contrastCt", Tri(r, 0.9, nulls));
            Bool(w, "liverMri", Tri(r, 0.6, nulls));
            Bool(w, "fdgPetCt", Tri(r, 0.5, nulls));
            w.WriteEndObject();

            w.WriteStartObject("clinical");
            if (r.Next(6) > 0)
            {
                w.WriteNumber("ecog", r.Next(10) < 7 ? r.Next(0, 2) : r.Next(2, 5));
            }

            if (r.Next(3) > 0)
            {
                w.WriteNumber("asaClass", r.Next(1, 5));
            }

            Bool(w, "fitForSurgery", Tri(r, 0.85, nulls));
            w.WriteEndObject();

            w.WriteStartObject("treatment");
            var primaryResectedOn = diagnosed.PlusDays(r.Next(10, 60));
            if (r.Next(3) > 0 && primaryResectedOn <= AsOf)
            {
                w.WriteString("lastTreatmentEndedOn", Iso(r.Next(2) == 0 || detected.PlusDays(-400) < primaryResectedOn ? primaryResectedOn : detected.PlusDays(-r.Next(200, 400))));
            }

            switch (r.Next(4))
            {
                case 0:
                    w.WriteBoolean("previousLiverResection", false);
                    break;
                case 1:
                    // A previous liver resection between the diagnosis and the detection (a recurrence), or after it.
                    var resectionsCount = r.Next(1, 3);
                    w.WriteStartArray("liverResections");
                    for (var k = 0; k < resectionsCount; k++)
                    {
                        w.WriteStartObject();
                        if (r.Next(6) > 0)
                        {
                            var on = r.Next(5) == 0 ? detected.PlusDays(r.Next(0, 30)) : detected.PlusDays(-r.Next(30, 700));
                            if (on < diagnosed)
                            {
                                on = diagnosed;
                            }

                            if (on > AsOf)
                            {
                                on = AsOf;
                            }

                            w.WriteString("performedOn", Iso(on));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    Bool(w, "adjuvantTherapyAfterFirstLiverResection", Tri(r, 0.3, nulls));
                    break;
                case 2:
                    w.WriteBoolean("previousLiverResection", true);
                    break;
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool? Tri(Random r, double yes, double nulls)
    {
        var x = r.NextDouble();
        return x < nulls ? null : x < nulls + ((1 - nulls) * yes) ? true : false;
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
