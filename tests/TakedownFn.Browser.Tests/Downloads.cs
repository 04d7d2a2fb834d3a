using CsvHelper;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace TakedownFn.Browser.Tests;

/// <summary>Clicks a download button and opens what the browser saved.</summary>
internal static class Downloads
{
    public static async Task<byte[]> SaveAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The PDF's text, all pages; throws when the bytes are not a PDF.</summary>
    public static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    /// <summary>The CSV's header and records (RFC 4180, as CsvHelper reads it).</summary>
    public static (string[] Header, List<string[]> Rows) Csv(byte[] csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), null, false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return ([.. reader.Headers], rows);
    }
}
