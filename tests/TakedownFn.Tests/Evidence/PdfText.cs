using System.Globalization;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;

namespace TakedownFn.Tests.Evidence;

/// <summary>What the PDFs (evidence bundle, safe-harbour statement) should print, written down independently of the renderer.</summary>
internal static class PdfText
{
    /// <summary>A page's words joined by single spaces.</summary>
    public static string Words(PdfDocument pdf, int page) => string.Join(' ', pdf.GetPage(page).GetWords().Select(w => w.Text));

    /// <summary>An instant: UTC to the second, or a dash.</summary>
    public static string Time(JsonNode? value) =>
        value is null ? "—" : value.GetValue<DateTimeOffset>().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A margin or duration: a sign, then days, hours, minutes and seconds; a dash when absent.</summary>
    public static string Span(TimeSpan? value)
    {
        if (value is not { } span)
        {
            return "—";
        }

        var a = span.Duration();
        return (span < TimeSpan.Zero ? "-" : "+") + string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalDays}d {a.Hours:00}h {a.Minutes:00}m {a.Seconds:00}s");
    }
}
