using System.Globalization;
using ScottPlot;
using TakedownFn.Domain.Evidence;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Evidence;

/// <summary>
/// The bundle's stages against their deadlines, drawn by ScottPlot (on SkiaSharp) as a PNG for the
/// PDF: one row per timed stage, a bar from its clock's start to its completion (or to the bundle's
/// instant while open), paused spans hatched over it, the clock start, the completion and the
/// deadline as marks. The outcome is the bar's colour and, so that it reads in black and white,
/// also the row's label ("act: met +0d 23h 59m 12s"). Time runs in UTC; the PDF names the regime's
/// time zone under the chart (<see cref="Caption"/>), since calendar and business days end at local midnight there.
/// </summary>
internal static class EvidenceTimelineChart
{
    // About 760 px across the page's 515 pt: ScottPlot's 12 px labels print at 8 pt, like the tables.
    private const int WidthPixels = 760;
    private const int HeaderPixels = 150;
    private const int RowPixels = 40;
    private const double BarHalfHeight = 0.28;
    private const string Preservation = "preservation";

    private static readonly (string Label, Color Color)[] Outcomes =
        [("met", Colors.SeaGreen), ("breached", Colors.IndianRed), ("open", Colors.SteelBlue), ("stopped / not applicable", Colors.DarkGray)];

    /// <summary>Whether the bundle has a stage whose clock started or whose deadline is known.</summary>
    public static bool HasTimedStages(EvidenceBundle bundle) => Timed(bundle).Count > 0;

    /// <summary>The chart as a PNG, with its height in pixels (it grows with the stages).</summary>
    public static (byte[] Png, int WidthPixels, int HeightPixels) Render(EvidenceBundle bundle)
    {
        var stages = Timed(bundle);
        var rows = stages.Select(s => new Row(s, s.Clock.Count > 0 ? s.Clock[0].At : s.DueAt!.Value, End(s, bundle.GeneratedAt))).ToList();
        var (from, to) = Axis(rows, bundle.GeneratedAt);

        var plot = new Plot();
        plot.Font.Set(EvidenceFonts.Family);
        for (int i = 0; i < rows.Count; i++)
        {
            Draw(plot, rows[i], Y(rows.Count, i), to);
        }

        var axis = plot.Axes.DateTimeTicksBottom();
        ((ScottPlot.TickGenerators.DateTimeAutomatic)axis.TickGenerator).LabelFormatter =
            t => t.ToString("yyyy-MM-dd'\n'HH:mm:ss", CultureInfo.InvariantCulture);
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Right.MinimumSize = 50; // room for the last time label, centred on the edge
        plot.Axes.Left.SetTicks([.. rows.Select((_, i) => Y(rows.Count, i))], [.. rows.Select(r => Label(r.Stage))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(X(from), X(to), -0.7, rows.Count - 0.3);
        plot.XLabel("Time (UTC)");
        Legend(plot);
        var height = HeaderPixels + RowPixels * rows.Count;
        return (plot.GetImageBytes(WidthPixels, height, ImageFormat.Png), WidthPixels, height);
    }

    private static List<BundleStage> Timed(EvidenceBundle bundle) =>
        [.. bundle.Stages.Where(s => s.Clock.Count > 0 || s.DueAt is not null)];

    /// <summary>The first stage at the top.</summary>
    private static double Y(int count, int index) => count - 1 - index;

    private static double X(DateTimeOffset instant) => instant.UtcDateTime.ToOADate();

    /// <summary>Where the running bar ends: the completion, the clock's stop, or the bundle's instant while open.</summary>
    private static DateTimeOffset End(BundleStage s, DateTimeOffset generatedAt) =>
        s.CompletedAt ?? (s.Clock.Count > 0 && s.Clock[^1].Kind == "stopped" ? s.Clock[^1].At : generatedAt);

    /// <summary>
    /// The axis spans the clocks and the deadlines of the stages being handled. A preservation
    /// deadline (a retention, a year for 18 USC 2258A(h)) would squeeze hours of handling into a
    /// pixel, so it is left out of the span and drawn as an arrow at the right edge with its date.
    /// </summary>
    private static (DateTimeOffset From, DateTimeOffset To) Axis(List<Row> rows, DateTimeOffset generatedAt)
    {
        var instants = rows.SelectMany(r => new DateTimeOffset?[] { r.Start, r.End, r.Stage.Stage == Preservation ? null : r.Stage.DueAt }.OfType<DateTimeOffset>())
            .Concat(rows.SelectMany(r => r.Stage.Pauses.Select(p => p.From)))
            .ToList();
        var from = instants.Min();
        var to = instants.Max();
        var pad = TimeSpan.FromSeconds(Math.Max((to - from).TotalSeconds * 0.04, 1));
        return (from - pad, to + pad);
    }

    private static void Draw(Plot plot, Row row, double y, DateTimeOffset axisEnd)
    {
        var s = row.Stage;
        var bar = plot.Add.Rectangle(X(row.Start), X(row.End > row.Start ? row.End : row.Start.AddSeconds(1)), y - BarHalfHeight, y + BarHalfHeight);
        bar.FillColor = Outcome(s.Status).Color;
        bar.LineColor = Colors.Black;
        bar.LineWidth = 0.5f;
        foreach (var p in s.Pauses)
        {
            var paused = plot.Add.Rectangle(X(p.From), X(p.To ?? row.End), y - BarHalfHeight, y + BarHalfHeight);
            paused.FillColor = Colors.LightGray;
            paused.FillHatch = new ScottPlot.Hatches.Striped();
            paused.FillHatchColor = Colors.DimGray;
            paused.LineColor = Colors.DimGray;
        }

        if (s.Clock.Count > 0)
        {
            plot.Add.Marker(X(s.Clock[0].At), y, MarkerShape.FilledTriangleUp, 11, Colors.Black);
        }

        if (s.CompletedAt is { } done)
        {
            plot.Add.Marker(X(done), y, MarkerShape.FilledDiamond, 12, Colors.Black);
        }

        if (s.DueAt is { } due)
        {
            if (due <= axisEnd)
            {
                var line = plot.Add.Line(X(due), y - 0.42, X(due), y + 0.42);
                line.LineColor = Colors.Red;
                line.LineWidth = 3;
            }
            else
            {
                var text = plot.Add.Text("deadline " + EvidencePdf.Time(due) + " →", X(axisEnd), y);
                text.LabelAlignment = Alignment.MiddleRight;
                text.LabelFontSize = 11;
                text.LabelFontColor = Colors.Black;
                text.LabelBackgroundColor = Colors.White;
                text.LabelBorderColor = Colors.Red;
                text.LabelBorderWidth = 2;
                text.LabelPadding = 3;
            }
        }
    }

    /// <summary>The row's label: the stage, its outcome and margin in words, so colour is not needed to read it.</summary>
    private static string Label(BundleStage s) =>
        s.Margin is { } margin ? $"{s.Stage}: {s.Status} {EvidencePdf.Span(margin)}" : $"{s.Stage}: {s.Status}";

    private static (string Label, Color Color) Outcome(string status) => status switch
    {
        "met" => Outcomes[0],
        "breached" or "breached-early" => Outcomes[1],
        "stopped" or "not-applicable" => Outcomes[3],
        _ => Outcomes[2],
    };

    private static void Legend(Plot plot)
    {
        foreach (var (label, color) in Outcomes)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "paused", FillColor = Colors.LightGray, FillHatch = new ScottPlot.Hatches.Striped(), FillHatchColor = Colors.DimGray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "clock start", MarkerShape = MarkerShape.FilledTriangleUp, MarkerFillColor = Colors.Black, MarkerSize = 10 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "completed", MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = Colors.Black, MarkerSize = 10 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "deadline", LineColor = Colors.Red, LineWidth = 3 });
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>
    /// The caption under the chart: the axis is UTC, and the zone(s) of the calendars the policy
    /// counts the stages' days in, where calendar and business days end at local midnight.
    /// </summary>
    public static string Caption(EvidenceBundle bundle, CalendarCatalog calendars)
    {
        var zones = (bundle.Policy?.Resolved.Rules ?? [])
            .Select(r => calendars.TryGet(r.Calendar, out var c) ? c.TimeZone : null)
            .OfType<TimeZoneInfo>()
            .DistinctBy(z => z.Id)
            .Select(z => $"{z.Id} (UTC{Offset(z.GetUtcOffset(bundle.Case.ReceivedAt))} at receipt)")
            .ToList();
        return "Times on the axis are UTC. " + (zones.Count == 0
            ? "Regime time zone: none stated (no policy calendar)."
            : $"Regime {bundle.Case.Regime} time zone: {string.Join(", ", zones)}.");
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private sealed record Row(BundleStage Stage, DateTimeOffset Start, DateTimeOffset End);
}
