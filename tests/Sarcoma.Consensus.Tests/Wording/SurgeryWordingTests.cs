using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Sarcoma.Consensus.Evaluation;
using Sarcoma.Consensus.InductionTherapy;
using Sarcoma.Consensus.Model;
using Sarcoma.Consensus.PreoperativeAssessment;
using Sarcoma.Consensus.Tests.Support;
using Sarcoma.Consensus.Wording;

namespace Sarcoma.Consensus.Tests.Wording;

/// <summary>
/// Issue #10 §1 for the surgical folders (PreoperativeAssessment, SurgicalApproach, SurgicalTiming, InductionTherapy):
/// the results of 6.1–6.5, 7.1, 7.2, 8.1–8.3, 11.1 and 11.2 and the derived concepts of those folders hold their
/// reasons as catalogue messages, every one of which renders.
/// </summary>
public sealed class SurgeryWordingTests
{
    private static readonly string[] Ids = { "6.1", "6.2", "6.3", "6.4", "6.5", "7.1", "7.2", "8.1", "8.2", "8.3", "11.1", "11.2" };

    private static readonly string[] Catalogues =
    {
        "preoperative-assessment.messages", "surgical-approach.messages", "surgical-timing.messages", "induction-therapy.messages",
    };

    /// <summary>Every vignette of the test support, plus variants that reach the branches the vignettes leave out.</summary>
    public static IEnumerable<object[]> Patients()
    {
        var vignettes = typeof(Vignettes).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(PatientBuilder) && m.GetParameters().Length == 0)
            .OrderBy(m => m.Name, StringComparer.Ordinal);
        foreach (var vignette in vignettes)
        {
            yield return new object[] { vignette.Name };
        }

        foreach (var variant in Variants.Keys)
        {
            yield return new object[] { variant };
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void Every_summary_caution_and_finding_of_the_surgical_recommendations_renders_from_the_catalogue(string patient)
    {
        var builder = Build(patient);
        var report = ConsensusEngine.Default.Evaluate(builder.Build(), Vignettes.AsOf);
        var results = report.Results.Where(r => Ids.Contains(r.Id)).ToArray();
        var passedOn = PassedOnAsText(builder.Context());
        Assert.Equal(Ids.Length, results.Length);
        foreach (var result in results)
        {
            var messages = new[] { result.SummaryMessage }.Concat(result.CautionMessages).Concat(result.Findings.Select(f => f.Message));
            foreach (var message in messages)
            {
                Assert.DoesNotContain("⟦", message.Text);
                Assert.False(message.IsLiteral && WordedHere(message.Text) && !passedOn.Contains(message.Text), $"{patient}, {result.Id}: the surgical folders worded a literal: {message.Text}");
            }

            // Everything these folders decide on their own is a catalogue message: the summaries they word and every
            // finding and caution whose code is theirs.
            Assert.All(messages.Where(m => !m.IsLiteral), m => Assert.True(MessageCatalog.English.Defines(m.Code), m.Code));
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void The_derived_concepts_of_the_surgical_folders_hold_messages_not_literals(string patient)
    {
        var context = Build(patient).Context();
        var fitness = SurgicalFitness.Assess(context.Patient.Clinical, context.Options);
        var flr = FutureLiverRemnantAssessment.Assess(context.Patient.LiverSurgery, context.Options);
        var factors = PreoperativeChemotherapyFactors.Assess(context);
        var messages = fitness.Findings.Select(f => f.Message).Concat(fitness.CautionMessages).Concat(fitness.UnfitBecauseMessages)
            .Concat(flr.Findings.Select(f => f.Message)).Concat(new[] { flr.SentenceMessage, flr.ConclusionMessage })
            .Concat(flr.CautionMessage is { } caution ? new[] { caution } : Array.Empty<Message>())
            .Concat(factors.Findings.Select(f => f.Message)).Concat(factors.CautionMessages).Concat(factors.Factors.Select(f => f.NameMessage));
        foreach (var message in messages)
        {
            Assert.False(message.IsLiteral, message.Text);
            Assert.DoesNotContain("⟦", message.Text);
        }

        Assert.Equal(fitness.Cautions, fitness.CautionMessages.Select(m => m.Text));
        Assert.Equal(factors.Cautions, factors.CautionMessages.Select(m => m.Text));
    }

    [Theory]
    [InlineData(24.9, true, "<", "25 %")]
    [InlineData(27, true, "<", "30 %")]
    [InlineData(35, true, "≤", "40 %")]
    [InlineData(40.1, null, ">", "40 %")]
    [InlineData(20, false, "<", "25 %")]
    public void The_future_liver_remnant_finding_names_its_comparison_threshold_and_source(double percent, bool? chemotherapy, string comparison, string threshold)
    {
        var flr = FutureLiverRemnantAssessment.Assess(new LiverSurgeryPlan { FutureLiverRemnantPercent = (decimal)percent, ExtensivePriorChemotherapy = chemotherapy }, new ConsensusOptions());
        var verdict = flr.Findings[0];

        Assert.Equal(comparison, verdict.Comparison);
        Assert.Equal(threshold, verdict.Threshold);
        Assert.Equal("section 3.7", verdict.Source);
        Assert.Equal(flr.Sentence, verdict.Sentence);
    }

    [Fact]
    public void The_surgical_catalogues_are_shipped()
    {
        foreach (var catalogue in Catalogues)
        {
            Assert.NotEmpty(Templates(catalogue));
        }
    }

    private static readonly Dictionary<string, Func<PatientBuilder>> Variants = new(StringComparer.Ordinal)
    {
        ["metachronous-flr-unknown-history-28"] = () => Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 28m),
        ["metachronous-flr-normal-20"] = () => Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 20m, extensivePriorChemotherapy: false),
        ["metachronous-flr-normal-35"] = () => Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: true, futureLiverRemnantPercent: 35m, extensivePriorChemotherapy: false),
        ["metachronous-flr-not-measured"] = () => Vignettes.MetachronousLiverOnlyOmd().WithLiverSurgeryPlan(majorHepatectomy: true),
        ["metachronous-ecog-2-asa-3"] = () => Vignettes.MetachronousLiverOnlyOmd().WithPerformanceStatus(2).WithAsaClass(3).WithComorbidities(false),
        ["metachronous-progressing"] = () => Vignettes.MetachronousLiverOnlyOmd().WithSystemicTherapy(response: TreatmentResponse.ProgressiveDisease),
        ["synchronous-complete-response"] = () => Vignettes.SynchronousOmdAfterPartialResponse().WithSystemicTherapy(response: TreatmentResponse.CompleteResponse),
        ["synchronous-primary-unresectable"] = () => Vignettes.SynchronousOmdOnInduction().PrimaryInPlace(resectable: false),
    };

    private static PatientBuilder Build(string patient) =>
        Variants.TryGetValue(patient, out var variant)
            ? variant()
            : (PatientBuilder)typeof(Vignettes).GetMethod(patient, BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)!.Invoke(null, null)!;

    /// <summary>
    /// The texts of this folder's derived concepts that other folders still read through their English members
    /// (<see cref="SurgicalFitness.Cautions"/>, <see cref="SurgicalFitness.UnfitBecause"/>,
    /// <see cref="PreoperativeChemotherapyFactors.Cautions"/>) and record as literals until they switch to the message
    /// members: worded here, from the catalogue, but passed on as text.
    /// </summary>
    private static HashSet<string> PassedOnAsText(EvaluationContext context) =>
        context.Fitness.CautionMessages.Concat(context.Fitness.UnfitBecauseMessages)
            .Concat(PreoperativeChemotherapyFactors.Assess(context).CautionMessages)
            .Select(m => m.Text)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a literal's text is one of this folder's sentences (matches a template of its catalogues): such a literal
    /// would mean English composed in the surgical folders. A literal matching none comes from a folder whose conversion
    /// is pending (the candidacy gate, the indication criteria, the timing), and is left to that folder's wording test.
    /// </summary>
    private static bool WordedHere(string text) => Patterns.Value.Any(p => p.IsMatch(text));

    private static readonly Lazy<Regex[]> Patterns = new(() => Catalogues
        .SelectMany(Templates)
        .Where(t => !Regex.IsMatch(t, @"^\{\w+\}$")) // a bare "{summary}" wraps another folder's words
        .Select(t => ToPattern(t, inPlural: false))
        .Select(p => new Regex("^" + p + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant))
        .ToArray());

    private static IEnumerable<string> Templates(string catalogue)
    {
        var assembly = typeof(Message).Assembly;
        using var stream = assembly.GetManifestResourceStream("Wording/en/" + catalogue);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream!, Encoding.UTF8);
        var templates = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#' && line.IndexOf(" = ", StringComparison.Ordinal) is var at and > 0)
            {
                templates.Add(line.Substring(at + 3));
            }
        }

        return templates;
    }

    /// <summary>A template as a regular expression: arguments match anything, select and plural branches are alternatives.</summary>
    private static string ToPattern(string template, bool inPlural)
    {
        var pattern = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '{')
            {
                var end = Close(template, i);
                var inner = template.Substring(i + 1, end - i - 1);
                var parts = inner.Split(new[] { ',' }, 3);
                if (parts.Length == 3 && parts[1].Trim() is "select" or "plural")
                {
                    var branches = new List<string>();
                    var rest = parts[2];
                    var j = 0;
                    while ((j = rest.IndexOf('{', j)) >= 0)
                    {
                        var close = Close(rest, j);
                        branches.Add(ToPattern(rest.Substring(j + 1, close - j - 1), parts[1].Trim() == "plural"));
                        j = close + 1;
                    }

                    pattern.Append("(?:").Append(string.Join("|", branches)).Append(')');
                }
                else
                {
                    pattern.Append(".*?");
                }

                i = end + 1;
            }
            else
            {
                pattern.Append(c == '#' && inPlural ? @"-?\d+" : Regex.Escape(c.ToString()));
                i++;
            }
        }

        return pattern.ToString();
    }

    private static int Close(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] == '{' ? 1 : text[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException("Unbalanced braces in a template.");
    }
}
