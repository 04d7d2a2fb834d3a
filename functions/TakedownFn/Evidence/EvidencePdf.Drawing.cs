using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TakedownFn.Domain.Evidence;

namespace TakedownFn.Evidence;

internal static partial class EvidencePdf
{
    /// <summary>
    /// The stages against their deadlines on one time axis: a bar from each clock's start to its
    /// completion (or to the bundle's instant while open), paused spans hatched grey, the deadline
    /// as a red mark.
    /// </summary>
    private static void Timeline(PageWriter w, EvidenceBundle bundle)
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
            var fill = s.Status switch { "met" => XBrushes.SeaGreen, "breached" or "breached-early" => XBrushes.IndianRed, _ => XBrushes.SteelBlue };
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
        w.Small($"Axis: {Time(from)} to {Time(to)}. Bar: clock running (green met, red breached, blue open); grey: paused; red mark: deadline.");
    }

    /// <summary>Writes lines top to bottom, starting a new A4 page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? graphics;

        public XFont Body { get; } = new(EvidenceFonts.Family, 9, XFontStyleEx.Regular);

        public XFont Bold { get; } = new(EvidenceFonts.Family, 9, XFontStyleEx.Bold);

        public XFont Cell { get; } = new(EvidenceFonts.Family, 8, XFontStyleEx.Regular);

        public XFont Large { get; } = new(EvidenceFonts.Family, 15, XFontStyleEx.Bold);

        public XFont Note { get; } = new(EvidenceFonts.Family, 7, XFontStyleEx.Regular);

        public double Y { get; private set; }

        public double Left => Margin;

        public double Width { get; private set; }

        public XGraphics Graphics => graphics ??= Start();

        public void NewPage()
        {
            graphics?.Dispose();
            graphics = null;
        }

        public void Advance(double height)
        {
            if (graphics is not null && Y + height > document.Pages[^1].Height.Point - Margin)
            {
                NewPage();
            }

            _ = Graphics;
            Y += height;
        }

        public void Title(string text) => Draw(text, Large, 22);

        public void Heading(string text) => Draw(text, Bold, Line + 2);

        public void Text(string text) => Draw(text, Body, Line);

        public void Small(string text) => Draw(text, Note, Line);

        public void Gap() => Advance(Line / 2);

        public void Pairs(params (string Label, string Value)[] pairs)
        {
            foreach (var (label, value) in pairs)
            {
                Advance(0);
                Graphics.DrawString(label, Bold, XBrushes.Black, Left, Y + 10);
                Graphics.DrawString(value, Body, XBrushes.Black, Left + 120, Y + 10);
                Y += Line;
            }
        }

        public void Row(double[] columns, bool header, params string[] cells)
        {
            Advance(0);
            for (int i = 0; i < cells.Length; i++)
            {
                Graphics.DrawString(cells[i], header ? Bold : Cell, XBrushes.Black, Left + columns[i], Y + 10);
            }

            Y += Line;
        }

        public void Dispose() => graphics?.Dispose();

        private void Draw(string text, XFont font, double height)
        {
            Advance(0);
            Graphics.DrawString(text, font, XBrushes.Black, Left, Y + font.Size + 1);
            Y += height;
        }

        private XGraphics Start()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            Width = page.Width.Point - 2 * Margin;
            Y = Margin;
            return XGraphics.FromPdfPage(page);
        }
    }
}
