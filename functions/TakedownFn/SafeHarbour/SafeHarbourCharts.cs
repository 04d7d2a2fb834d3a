using ScottPlot;
using TakedownFn.Evidence;
using TakedownFn.Ledger.Statements;

namespace TakedownFn.SafeHarbour;

/// <summary>
/// The statement's compliance charts, drawn by ScottPlot (on SkiaSharp) as PNGs for the PDF:
/// the act stage of valid notices per regime and per ISO week of receipt, stacked met / breached
/// (/ still open), the same figures the statement's JSON states.
/// </summary>
internal static class SafeHarbourCharts
{
    private const int WidthPixels = 1000;
    private const int HeightPixels = 380;

    private static readonly (string Label, Color Color)[] Outcomes =
        [("met", Colors.SeaGreen), ("breached", Colors.IndianRed), ("open", Colors.SteelBlue), ("stopped (case closed)", Colors.DarkGray)];

    /// <summary>Per regime: met, breached, open and stopped act stages of valid notices.</summary>
    public static byte[] PerRegime(IReadOnlyList<ActRegimeFigures> regimes) =>
        Stacked(
            "Act stage of valid notices, per regime",
            [.. regimes.Select(r => r.Regime)],
            [.. regimes.Select(r => new double[] { r.ActMet, r.ActBreached, r.ActOpen, r.ActStopped })]);

    /// <summary>Per ISO week of receipt (UTC): met and breached act stages.</summary>
    public static byte[] PerWeek(IReadOnlyList<ActWeekFigures> weeks) =>
        Stacked(
            "Act stage of valid notices, per week of receipt",
            [.. weeks.Select(w => w.Week)],
            [.. weeks.Select(w => new double[] { w.ActMet, w.ActBreached })]);

    private static byte[] Stacked(string title, string[] labels, double[][] values)
    {
        var plot = new Plot();
        plot.Font.Set(EvidenceFonts.Family);
        var bars = new List<Bar>();
        for (int i = 0; i < labels.Length; i++)
        {
            double bottom = 0;
            for (int o = 0; o < values[i].Length; o++)
            {
                if (values[i][o] > 0)
                {
                    bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + values[i][o], FillColor = Outcomes[o].Color });
                }

                bottom += values[i][o];
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        plot.Axes.Margins(bottom: 0);
        var used = values.Length == 0 ? 0 : values.Max(v => v.Length);
        foreach (var (label, color) in Outcomes.Take(used))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.YLabel("notices");
        return plot.GetImageBytes(WidthPixels, HeightPixels, ImageFormat.Png);
    }
}
