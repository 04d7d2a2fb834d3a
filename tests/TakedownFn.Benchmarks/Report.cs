using System.Globalization;

namespace TakedownFn.Benchmarks;

/// <summary>Prints results as aligned lines a reader can paste into a closing note.</summary>
internal static class Report
{
    public static void Header(string text) => Console.WriteLine($"\n== {text}");

    public static void Ratio(string name, double floor, double ours, double target)
    {
        var ratio = ours / floor;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} floor {floor,9:F0}/s   ours {ours,9:F0}/s   ratio {ratio,5:F2}  (target >= {target:F2}: {(ratio >= target ? "met" : "NOT met")})"));
    }

    /// <summary>A ratio reported without a target (a figure for the record, not a promise).</summary>
    public static void Ratio(string name, double floor, double ours) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} floor {floor,9:F0}/s   ours {ours,9:F0}/s   ratio {ours / floor,5:F2}"));

    public static void Line(string text) => Console.WriteLine(text);
}

/// <summary>How long and how hard to measure.</summary>
internal sealed record Settings(int Workers, TimeSpan Duration, int Rounds);
