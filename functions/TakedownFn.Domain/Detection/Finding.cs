namespace TakedownFn.Domain.Detection;

/// <summary>
/// One piece of personal information found in an excerpt. <see cref="Value"/> is the normalised
/// value, held in memory only long enough to commit to it: it must never be stored, logged or sent.
/// </summary>
/// <param name="Kind">A <see cref="PersonalDataKinds"/> id.</param>
/// <param name="Start">Offset in UTF-16 code units from the start of the excerpt.</param>
/// <param name="Length">Length in UTF-16 code units, separators included.</param>
/// <param name="Value">The normalised value (ASCII digits, no separators; E.164 for phones; lower-case e-mail), or null for a marker.</param>
public sealed record Finding(string Kind, int Start, int Length, string? Value)
{
    /// <summary>Never the value: a finding printed in a test failure or a log must not leak it.</summary>
    public override string ToString() => $"{Kind}@{Start}+{Length}";
}
