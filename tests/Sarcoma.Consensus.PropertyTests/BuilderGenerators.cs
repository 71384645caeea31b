using System;
using System.Globalization;
using System.Linq;
using CsCheck;
using NodaTime;
using NodaTime.Text;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>Patients made by random sequences of builder calls, as a caller writing the clinical story would.</summary>
internal static class BuilderGenerators
{
    /// <summary>A builder call, printable so a failing sequence reads like code.</summary>
    internal sealed record Step(string Text, Action<PatientBuilder> Apply)
    {
        public override string ToString() => Text;
    }

    /// <summary>A sequence of builder calls and the date to evaluate the patient on.</summary>
    public static readonly Gen<(Step[] Steps, LocalDate AsOf)> Steps =
        from asOf in PatientGenerators.AsOf
        from count in Gen.Int[0, 25]
        from steps in StepFor(asOf).Array[count]
        select (steps, asOf);

    private static Gen<Step> StepFor(LocalDate asOf)
    {
        var date = PatientGenerators.DaysBack.Select(d => asOf.PlusDays(-Math.Min(d, 30_000)));
        var fact = PatientGenerators.Fact;
        return Gen.Frequency(
            (3, from h in PatientGenerators.HistologyGen
                from site in Gen.Enum<PrimarySite>().Nullable(0.3)
                from d in date.Nullable(0.2)
                from g in Gen.Enum<HistologicGrade>().Nullable(0.3)
                select new Step($"WithPrimary({h?.Code ?? "null"}, {site}, {D(d)}, {g})", b => b.WithPrimary(h, site, d, g))),
            (1, from d in date.Nullable(0.3) select new Step($"Resected({D(d)})", b => b.Resected(d))),
            (1, from r in fact select new Step($"PrimaryInPlace({r})", b => b.PrimaryInPlace(r))),
            (2, from d in date select new Step($"MetastasesDetectedOn({D(d)})", b => b.MetastasesDetectedOn(d))),
            (1, Gen.Int[0, 3].Select(i => i == 0 ? new Step("NoEvidenceOfDisease()", b => b.NoEvidenceOfDisease()) : new Step("NoDiffuseInvolvement()", b => b.NoDiffuseInvolvement()))),
            (5, from site in Gen.Frequency((4, Gen.Const(MetastaticSite.Liver)), (1, Gen.Enum<MetastaticSite>()))
                from size in PatientGenerators.SizeMm
                from segments in Gen.Int[1, 8].ArrayUnique[0, 3]
                from lobe in Gen.Enum<LiverLobe>().Nullable(0.7)
                from facts in fact.Array[5]
                select new Step(
                    $"AddLesion({site}, {size?.ToString(CultureInfo.InvariantCulture) ?? "null"}, segments [{string.Join(",", segments)}], lobe {lobe}, [{string.Join(",", facts)}])",
                    b => b.AddLesion(site, size, l => Configure(l, site, segments, lobe, facts)))),
            (1, from n in Gen.Frequency((60, Gen.Int[0, 8]), (1, Gen.Int[995, 1_001]), (1, Gen.Const(-1)))
                from site in Gen.Enum<MetastaticSite>()
                select new Step($"AddLesions({n}, {site})", b => b.AddLesions(n, site, 8m))),
            (2, from d in fact.Array[4] select new Step($"WithDiffuseInvolvement({string.Join(",", d)})", b => b.WithDiffuseInvolvement(d[0], d[1], d[2], d[3]))),
            (1, Gen.Const(new Step("NoDiffuseInvolvement()", b => b.NoDiffuseInvolvement()))),
            (2, from s in fact.Array[5] select new Step($"WithStaging({string.Join(",", s)})", b => b.WithStaging(s[0], s[1], s[2], s[3], s[4]))),
            (1, from e in Gen.Frequency((30, Gen.Int[0, 5]), (1, Gen.OneOf(-1, 6))) select new Step($"WithPerformanceStatus({e})", b => b.WithPerformanceStatus(e))),
            (1, from a in Gen.Frequency((30, Gen.Int[1, 6]), (1, Gen.OneOf(0, 7))) select new Step($"WithAsaClass({a})", b => b.WithAsaClass(a))),
            (1, from c in Gen.Bool select new Step($"WithComorbidities({c})", b => b.WithComorbidities(c))),
            (1, from f in Gen.Bool select new Step($"FitForSurgery({f})", b => b.FitForSurgery(f))),
            (1, from r in Gen.Bool
                from response in Gen.Enum<TreatmentResponse>().Nullable(0.4)
                from ongoing in fact
                select new Step($"WithSystemicTherapy({r}, {response}, {ongoing})", b => b.WithSystemicTherapy(r, response, ongoing))),
            (1, from p in Gen.Bool select new Step($"InductionTherapyPlanned({p})", b => b.InductionTherapyPlanned(p))),
            (1, from d in date select new Step($"LastTreatmentEndedOn({D(d)})", b => b.LastTreatmentEndedOn(d))),
            (1, from d in date.Nullable(0.3)
                from m in Gen.Enum<ResectionMargin>().Nullable(0.4)
                select new Step($"AddLiverResection({D(d)}, {m})", b => b.AddLiverResection(d, m))),
            (1, Gen.Int[0, 3].Select(i => i == 0 ? new Step("NoPreviousLiverResection()", b => b.NoPreviousLiverResection()) : new Step("NoFocalTherapyContraindications()", b => b.NoFocalTherapyContraindications()))),
            (1, from g in Gen.Bool select new Step($"AdjuvantTherapyAfterFirstLiverResection({g})", b => b.AdjuvantTherapyAfterFirstLiverResection(g))),
            (1, from n in Gen.Frequency((30, Gen.Int[0, 4]), (1, Gen.Const(-1))) select new Step($"PreviousAbdominalSurgeries({n})", b => b.PreviousAbdominalSurgeries(n))),
            (1, from major in fact
                from flr in PatientGenerators.FlrPercent
                from chemo in fact
                select new Step($"WithLiverSurgeryPlan({major}, {flr?.ToString(CultureInfo.InvariantCulture)}, {chemo})", b => b.WithLiverSurgeryPlan(major, flr, chemo))),
            (1, from c in fact.Array[4] select new Step($"WithFocalTherapyContraindications({string.Join(",", c)})", b => b.WithFocalTherapyContraindications(c[0], c[1], c[2], c[3]))),
            (1, Gen.Const(new Step("NoFocalTherapyContraindications()", b => b.NoFocalTherapyContraindications()))),
            (1, from o in fact.Array[3] select new Step($"WithOriginUncertainty({string.Join(",", o)})", b => b.WithOriginUncertainty(o[0], o[1], o[2]))));
    }

    private static void Configure(LesionBuilder lesion, MetastaticSite site, int[] segments, LiverLobe? lobe, bool?[] facts)
    {
        if (site == MetastaticSite.Liver)
        {
            lesion.InSegments(segments);
            if (lobe is { } l)
            {
                lesion.InLobe(l);
            }

            if (facts[0] is { } central)
            {
                lesion.Central(central);
            }
        }

        if (facts[1] is { } vascular)
        {
            lesion.WithVascularInvolvement(vascular);
        }

        if (facts[2] is { } symptomatic)
        {
            lesion.Symptomatic(symptomatic);
        }

        if (facts[3] is { } resectable)
        {
            lesion.Resectable(resectable);
        }

        if (facts[4] is { } ablatable)
        {
            lesion.Ablatable(ablatable);
        }
    }

    private static string D(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "null";
}
