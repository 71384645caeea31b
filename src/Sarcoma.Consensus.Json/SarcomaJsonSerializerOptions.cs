using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sarcoma.Consensus.Json.Internal;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Json;

/// <summary>
/// System.Text.Json integration: converters that read a <see cref="Patient"/> or a <see cref="PatientDocument"/>
/// through the strict reader of <see cref="PatientJson"/> and write a <see cref="ConsensusReport"/> in the documented
/// layout of <see cref="ReportJson"/>, so that an ASP.NET Core endpoint binds the patient document and returns the
/// report (<c>Results.Ok(report)</c>) in the shapes of <c>docs/schema/</c>, not in the serializer's reflection shape.
/// </summary>
/// <remarks>
/// <para>
/// Reading never goes through reflection: the JSON value is parsed, then mapped by the strict reader, so an unknown
/// property, a wrong type or an inconsistent patient throws <see cref="PatientJsonException"/> listing every problem
/// by field path (<see cref="PatientJsonException.ToValidationErrors"/> gives the <c>errors</c> of a
/// <c>ValidationProblemDetails</c>); unknown properties and the patient's inconsistencies come together. It is not a
/// <see cref="JsonException"/>, so the host does not turn it into a bare 400: the <c>Sarcoma.Consensus.AspNetCore</c>
/// package answers it (<c>AddSarcomaConsensusProblemDetails()</c> with <c>app.UseExceptionHandler()</c>), as the
/// example shows. Better, take that package's <c>PatientRequest</c> as the endpoint's parameter instead of
/// <see cref="Patient"/>: it reads the body without throwing, so nothing is logged as an unhandled exception (ASP.NET
/// Core 8 logs every exception its exception handler middleware sees, handled or not), and an empty body is answered
/// with a problem naming <c>$</c> instead of ASP.NET Core's bare 400.
/// </para>
/// <para>
/// Writing uses the serializer's writer, so its options apply: ASP.NET Core's default encoder escapes non-ASCII
/// characters (<c>≤</c> as <c>\u2264</c>), which is the same JSON value. Property names are the documented ones whatever
/// the naming policy. Thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code language="csharp"><![CDATA[
/// var builder = WebApplication.CreateBuilder(args);
/// builder.Services.AddSarcomaConsensus();
/// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AddSarcomaConsensus());
/// builder.Services.AddSarcomaConsensusProblemDetails(); // Sarcoma.Consensus.AspNetCore: PatientJsonException -> 400
/// var app = builder.Build();
/// app.UseExceptionHandler();
/// app.MapPost("/evaluate", (Patient patient, IConsensusEvaluator evaluator) =>
///     Results.Ok(evaluator.EvaluateToday(patient))); // "today" from the injected IClock in ConsensusOptions.TimeZoneId
/// // Binding Patient drops the document's label; bind PatientDocument (or PatientRequest, whose Document keeps it) and
/// // write with ReportJson.WriteAsync(..., ReportJsonOptions.Default.For(document)) to echo it.
/// ]]></code>
/// </example>
public static class SarcomaJsonSerializerOptions
{
    /// <summary>
    /// Adds the converters for <see cref="Patient"/>, <see cref="PatientDocument"/> and <see cref="ConsensusReport"/>
    /// (inserted first, so they win over any other converter for these types).
    /// </summary>
    /// <param name="options">The serializer options, not yet in use (System.Text.Json freezes options on first use).</param>
    /// <param name="reportLayout">The layout reports are written in: <see cref="ReportLayout.Full"/> (the default) or <see cref="ReportLayout.Compact"/>.</param>
    /// <param name="consensusOptions">The options patients will be evaluated with, whose plausible date range the reader checks; the defaults when <see langword="null"/>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is already in use (read-only).</exception>
    public static JsonSerializerOptions AddSarcomaConsensus(
        this JsonSerializerOptions options,
        ReportLayout reportLayout = ReportLayout.Full,
        ConsensusOptions? consensusOptions = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Converters.Insert(0, new PatientDocumentConverter(consensusOptions));
        options.Converters.Insert(0, new PatientConverter(consensusOptions));
        options.Converters.Insert(0, new ConsensusReportConverter(new ReportJsonOptions { Layout = reportLayout }));
        return options;
    }

    private static PatientDocument ReadDocument(ref Utf8JsonReader reader, ConsensusOptions? consensusOptions)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            // The parser's message can quote a fragment of the document: keep only the position.
            throw PatientJsonException.Syntax(e.LineNumber, e.BytePositionInLine, "is not valid JSON");
        }

        using (document)
        {
            return PatientJson.ReadDocument(document.RootElement, consensusOptions);
        }
    }

    /// <summary>Reads a <see cref="Patient"/> through the strict reader; writes it as the patient document.</summary>
    private sealed class PatientConverter : JsonConverter<Patient>
    {
        private readonly ConsensusOptions? consensusOptions;

        public PatientConverter(ConsensusOptions? consensusOptions) => this.consensusOptions = consensusOptions;

        public override bool HandleNull => false;

        public override Patient Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadDocument(ref reader, consensusOptions).Patient;

        public override void Write(Utf8JsonWriter writer, Patient value, JsonSerializerOptions options) =>
            PatientJson.Write(writer, value);
    }

    /// <summary>Reads a <see cref="PatientDocument"/> (patient and label) through the strict reader; writes it back.</summary>
    private sealed class PatientDocumentConverter : JsonConverter<PatientDocument>
    {
        private readonly ConsensusOptions? consensusOptions;

        public PatientDocumentConverter(ConsensusOptions? consensusOptions) => this.consensusOptions = consensusOptions;

        public override bool HandleNull => false;

        public override PatientDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadDocument(ref reader, consensusOptions);

        public override void Write(Utf8JsonWriter writer, PatientDocument value, JsonSerializerOptions options)
        {
            PatientValidator.EnsureValid(value.Patient);
            PatientWriter.Write(writer, value.Patient, value.Label);
        }
    }

    /// <summary>Writes a <see cref="ConsensusReport"/> in the documented layout; reports are not read back.</summary>
    private sealed class ConsensusReportConverter : JsonConverter<ConsensusReport>
    {
        private readonly ReportJsonOptions reportOptions;

        public ConsensusReportConverter(ReportJsonOptions reportOptions) => this.reportOptions = reportOptions;

        public override ConsensusReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A consensus report is written, not read: evaluate the patient document instead.");

        public override void Write(Utf8JsonWriter writer, ConsensusReport value, JsonSerializerOptions options) =>
            ReportWriter.Write(writer, value, reportOptions);
    }
}
