using System;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// The Liquid templates (embedded <c>Templates/*.liquid</c>, rendered with Fluid): parsed once, rendered with every
/// output HTML-encoded. Partials are loaded with <c>{% render %}</c> from the same embedded files.
/// </summary>
internal static class HtmlTemplates
{
    // Encodes < > & " ' (and what HTML requires) but leaves letters such as é, ≤ or — as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly EmbeddedTemplateProvider Provider = new();

    private static readonly TemplateOptions Options = CreateOptions(Provider);

    private static readonly IFluidTemplate Report = Parse("report.liquid");

    public static void Render(ReportView view, TextWriter output)
    {
        var context = new TemplateContext(view, Options, allowModelMembers: true);
        // Rendered to a string, then written: synchronous all the way (no blocking on an async writer), and a page is
        // about 100 KB.
        output.Write(Report.Render(context, Encoder));
        output.Flush();
    }

    private static TemplateOptions CreateOptions(EmbeddedTemplateProvider provider)
    {
        var options = new TemplateOptions
        {
            FileProvider = provider,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            // No template reads the clock; should one try, it gets a fixed instant, never "now".
            Now = () => new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            // Only tags written "-%}" trim, and only up to the end of their line: tags alone on a line leave no blank line.
            Trimming = TrimmingFlags.None,
            Greedy = false,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        options.MemberAccessStrategy.Register<ReportView>();
        options.MemberAccessStrategy.Register<ScopeView>();
        options.MemberAccessStrategy.Register<ConceptView>();
        options.MemberAccessStrategy.Register<ImagingRowView>();
        options.MemberAccessStrategy.Register<CountsView>();
        options.MemberAccessStrategy.Register<CardGroupView>();
        options.MemberAccessStrategy.Register<CardView>();
        options.MemberAccessStrategy.Register<VoteBarView>();
        options.MemberAccessStrategy.Register<TickView>();
        options.MemberAccessStrategy.Register<TimelineView>();
        options.MemberAccessStrategy.Register<TimelineRowView>();
        options.MemberAccessStrategy.Register<TimelineTableRowView>();
        options.MemberAccessStrategy.Register<LiverMapView>();
        options.MemberAccessStrategy.Register<SegmentView>();
        options.MemberAccessStrategy.Register<LesionMarkView>();
        options.MemberAccessStrategy.Register<TagView>();
        options.MemberAccessStrategy.Register<LesionRowView>();
        options.MemberAccessStrategy.Register<CalendarView>();
        options.MemberAccessStrategy.Register<LaneView>();
        options.MemberAccessStrategy.Register<VisitMarkView>();
        options.MemberAccessStrategy.Register<VisitRowView>();
        options.MemberAccessStrategy.Register<ProvenanceView>();
        return options;
    }

    private static IFluidTemplate Parse(string name)
    {
        var parser = new FluidParser();
        return parser.TryParse(Provider.Text(name), out var template, out var error)
            ? template
            : throw new InvalidOperationException("The embedded template " + name + " does not parse: " + error);
    }
}
