namespace TakedownFn.Domain.Notices;

public static partial class LegalCompleteness
{
    /// <summary>The provision that requires <paramref name="element"/> under <paramref name="regime"/>; null when it requires no such element.</summary>
    public static string? Citation(string regime, string element) =>
        Rules.TryGetValue(regime, out var rules) ? rules.FirstOrDefault(r => r.Element == element)?.Citation : null;
}
