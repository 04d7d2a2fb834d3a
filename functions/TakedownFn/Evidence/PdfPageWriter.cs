using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TakedownFn.Evidence;

/// <summary>Writes lines top to bottom, starting a new A4 page when one is full.</summary>
internal sealed class PdfPageWriter(PdfDocument document) : IDisposable
{
    /// <summary>The page margin, in points.</summary>
    public const double Margin = 40;

    /// <summary>The height of a line of body text, in points.</summary>
    public const double Line = 14;

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

    /// <summary>Draws a PNG (a chart) across the page width at <paramref name="height"/> points, on a new page if it does not fit.</summary>
    public void Image(byte[] png, double height)
    {
        Advance(height);
        using var stream = new MemoryStream(png, writable: false);
        using var image = XImage.FromStream(stream);
        Graphics.DrawImage(image, Left, Y - height, Width, height);
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
