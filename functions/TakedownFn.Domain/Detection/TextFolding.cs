namespace TakedownFn.Domain.Detection;

/// <summary>
/// Folds full-width forms (U+FF01–U+FF5E), the ideographic space and common dash look-alikes to
/// ASCII, one character for one, so offsets found in the folded text are offsets in the excerpt.
/// Posts that dox people write digits full-width ("１１０１０５…") precisely to slip past filters.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' => '-',
        _ => c,
    };
}
