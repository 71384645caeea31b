using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sarcoma.Consensus.Catalog;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>Writes the catalog as a JSON array for programs.</summary>
/// <remarks>
/// The output is deterministic: properties in a fixed order, recommendations in Table 5 order, two-space
/// indentation, <c>\n</c> line endings on every platform, and characters such as ≤ and – written as
/// themselves rather than as <c>\u</c> escapes. Every object has the same properties; <c>tableText</c> is
/// always present and <c>tableTextDiffers</c> says whether it differs from the canonical <c>text</c>;
/// <c>dataRequirements</c> lists the patient facts the recommendation's evaluator reads; <c>fhirQueries</c> gives the FHIR R4
/// searches that fetch them (CDS Hooks prefetch templates: <c>key</c>, <c>template</c>, <c>description</c>, <c>facts</c>) and
/// <c>factsNotInFhir</c> the facts no FHIR resource holds (asked by the Questionnaire); see
/// <see cref="Fhir.DataRequirements.FhirDataRequirements"/>.
/// </remarks>
public static class CatalogJson
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Requirements =
        ConsensusEngine.Default.Evaluators.ToDictionary(e => e.Recommendation.Id, e => e.DataRequirements, StringComparer.Ordinal);

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the array, followed by a newline.</summary>
    /// <param name="recommendations">The recommendations, in the order to write them.</param>
    /// <param name="output">The writer.</param>
    public static void Write(IReadOnlyList<Recommendation> recommendations, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(output);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var recommendation in recommendations)
            {
                WriteRecommendation(writer, recommendation);
            }

            writer.WriteEndArray();
        }

        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    private static void WriteRecommendation(Utf8JsonWriter writer, Recommendation r)
    {
        writer.WriteStartObject();
        writer.WriteString("id", r.Id);
        writer.WriteNumber("section", r.Section.Number);
        writer.WriteString("narrativeSection", r.Section.NarrativeSection);
        writer.WriteString("question", r.Section.Question);
        writer.WriteString("shortTitle", r.ShortTitle);
        writer.WriteString("text", r.Text);
        writer.WriteString("tableText", r.TableText);
        writer.WriteBoolean("tableTextDiffers", r.TableTextDiffers);
        writer.WriteString("kind", Labels.ToCode(r.Kind));
        writer.WriteString("direction", Labels.ToCode(r.Direction));
        writer.WriteString("evidenceLevel", r.Grade.Level.ToString());
        writer.WriteString("strength", r.Grade.Strength.ToString());

        writer.WritePropertyName("gradeDiscrepancy");
        if (r.GradeDiscrepancy)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("sectionGrade");
            if (r.SectionGrade is { } sectionGrade)
            {
                WriteGrade(writer, sectionGrade);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("note", GradeNote(r));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartObject("votes");
        writer.WriteNumber("total", r.Votes.Total);
        writer.WriteNumber("yes", r.Votes.Yes);
        writer.WriteNumber("no", r.Votes.No);
        writer.WriteEndObject();

        writer.WritePropertyName("agreementPercent");
        writer.WriteRawValue(OneDecimal(r.Votes.AgreementPercent));
        writer.WriteString("consensus", r.Consensus.ToCode());
        writer.WriteBoolean("reachedConsensus", r.ReachedConsensus);

        writer.WriteStartObject("printed");
        writer.WriteNumber("agreementPercent", r.Printed.AgreementPercent);
        writer.WriteString("consensus", r.Printed.Category.ToCode());
        writer.WriteEndObject();

        // The patient facts the recommendation's evaluator reads (JSON paths of the patient document), so an
        // integrator knows what to fetch before evaluating.
        writer.WriteStartArray("dataRequirements");
        foreach (var fact in Requirements[r.Id])
        {
            writer.WriteStringValue(fact);
        }

        writer.WriteEndArray();
        WriteFhirRequirements(writer, Fhir.DataRequirements.FhirDataRequirements.For(r.Id));
        writer.WriteEndObject();
    }

    private static void WriteFhirRequirements(Utf8JsonWriter writer, Fhir.DataRequirements.RecommendationDataRequirements requirements)
    {
        writer.WriteStartArray("fhirQueries");
        foreach (var query in requirements.Queries)
        {
            writer.WriteStartObject();
            writer.WriteString("key", query.Key);
            writer.WriteString("template", query.Template);
            writer.WriteString("description", query.Description);
            writer.WriteStartArray("facts");
            foreach (var fact in query.Facts)
            {
                writer.WriteStringValue(fact);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("factsNotInFhir");
        foreach (var fact in requirements.FactsNotInFhir)
        {
            writer.WriteStringValue(fact);
        }

        writer.WriteEndArray();
    }

    private static void WriteGrade(Utf8JsonWriter writer, EvidenceGrade grade)
    {
        writer.WriteStartObject();
        writer.WriteString("evidenceLevel", grade.Level.ToString());
        writer.WriteString("strength", grade.Strength.ToString());
        writer.WriteEndObject();
    }

    private static string GradeNote(Recommendation r)
    {
        string section = $"Section {r.Section.NarrativeSection}";
        string printedThere = r.SectionGrade is { } sectionGrade ? $"prints {sectionGrade}" : "prints no grade";
        return $"{section} {printedThere} for this recommendation; Table 5 prints {r.Grade}, which is the grade reported here.";
    }

    // Always one decimal (91.7, 100.0), whatever scale the decimal carries.
    private static string OneDecimal(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
