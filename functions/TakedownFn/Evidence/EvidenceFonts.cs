using PdfSharp.Fonts;

namespace TakedownFn.Evidence;

/// <summary>
/// PDFsharp's font resolver for the evidence PDF: DejaVu Sans (regular and bold) read from the
/// machine's fonts. PDFsharp's own platform resolver looks for Windows font files, which Linux
/// hosts lack; Debian ships DejaVu as <c>fonts-dejavu-core</c> (tests/install-tools.sh installs it
/// where missing). The font is embedded (subset) into every PDF, so readers need nothing installed.
/// The same files are registered with ScottPlot, whose charts (rendered by SkiaSharp) would
/// otherwise ask the system for the family by name, and Azure workers have no system fonts.
/// </summary>
internal sealed class EvidenceFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "fonts"];

    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver = new EvidenceFonts();
        ScottPlot.Fonts.AddFontFile(Family, Find("DejaVuSans"), bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, Find("DejaVuSans-Bold"), bold: true, italic: false);
        return true;
    });

    /// <summary>Installs the resolver once per process, before the first font is created.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Find(faceName));

    private static string Find(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(Path.IsPathRooted(folder) ? folder : Path.Combine(AppContext.BaseDirectory, folder), faceName + ".ttf");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"font {faceName}.ttf not found in {string.Join(", ", Folders)}: install fonts-dejavu-core or ship it in the app's fonts folder");
    }
}
