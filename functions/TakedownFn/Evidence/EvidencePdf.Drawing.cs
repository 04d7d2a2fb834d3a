using PdfSharp.Drawing;
using TakedownFn.Domain.Evidence;

namespace TakedownFn.Evidence;

internal static partial class EvidencePdf
{
    /// <summary>
    /// The stages against their deadlines on one time axis: a bar from each clock's start to its
    /// completion (or to the bundle's instant while open), paused spans hatched grey, the deadline
    /// as a red mark.
    /// </summary>
    private static void Timeline(PdfPageWriter w, EvidenceBundle bundle)
    {
        w.Heading("Timeline: stages against their deadlines");
        var timed = bundle.Stages.Where(s => s.Clock.Count > 0 || s.DueAt is not null).ToList();
        var instants = timed.SelectMany(s => s.Clock.Select(c => c.At).Concat(new[] { s.DueAt, s.CompletedAt }.OfType<DateTimeOffset>())).ToList();
        if (instants.Count == 0)
        {
            w.Text("No stage has a clock yet.");
            return;
        }

        var from = instants.Min();
        var to = new[] { instants.Max(), bundle.GeneratedAt }.Max();
        var width = w.Width - 110;
        var total = Math.Max((to - from).TotalSeconds, 1);
        double X(DateTimeOffset t) => w.Left + 100 + (t - from).TotalSeconds / total * width;

        var g = w.Graphics;
        foreach (var s in timed)
        {
            var y = w.Y;
            g.DrawString(s.Stage, w.Body, XBrushes.Black, w.Left, y + 10);
            var start = s.Clock.Count > 0 ? s.Clock[0].At : from;
            var end = s.CompletedAt ?? (s.Clock.LastOrDefault()?.Kind == "stopped" ? s.Clock[^1].At : bundle.GeneratedAt);
            var fill = s.Status switch { "met" => XBrushes.SeaGreen, "breached" or "breached-early" => XBrushes.IndianRed, "stopped" => XBrushes.DarkGray, _ => XBrushes.SteelBlue };
            g.DrawRectangle(fill, X(start), y + 2, Math.Max(X(end) - X(start), 1), 10);
            foreach (var p in s.Pauses)
            {
                g.DrawRectangle(XBrushes.LightGray, X(p.From), y + 2, Math.Max(X(p.To ?? end) - X(p.From), 1), 10);
            }

            if (s.DueAt is { } due)
            {
                g.DrawLine(new XPen(XColors.Red, 2), X(due), y - 1, X(due), y + 15);
            }

            w.Advance(22);
        }

        w.Gap();
        w.Small($"Axis: {Time(from)} to {Time(to)}. Bar: clock running (green met, red breached, blue open, dark grey stopped when the case closed); light grey: paused; red mark: deadline.");
    }
}
