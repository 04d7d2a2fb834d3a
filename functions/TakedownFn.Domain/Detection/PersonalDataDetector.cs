using PhoneNumbers;

namespace TakedownFn.Domain.Detection;

/// <summary>
/// Finds personal information in a reported text excerpt. Pure: the same text and date always give
/// the same findings, in order of position. Every number is checked, not just shaped: an 18-digit
/// run with a wrong check character or an impossible birth date is not an ID number, and a number
/// inside a longer run of digits is not a number of its own.
/// </summary>
/// <remarks>
/// Order matters where kinds overlap: e-mail addresses and plates first (their digits are not
/// numbers of their own), then runs of letters and digits (ID numbers, credit codes, cards,
/// passports), then phones (libphonenumber, CN region) outside what was claimed, then addresses and
/// markers, which are words, not digits.
/// </remarks>
public static partial class PersonalDataDetector
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>The findings in <paramref name="excerpt"/>; a birth date after <paramref name="today"/> is impossible.</summary>
    public static IReadOnlyList<Finding> Detect(string excerpt, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var text = TextFolding.Fold(excerpt);
        var findings = new List<Finding>();
        AddEmails(text, findings);
        AddPlates(text, findings);
        AddRuns(text, today, findings);
        AddPhones(text, findings);
        AddAddresses(text, findings);
        AddMarkers(text, findings);
        findings.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Kind, b.Kind));
        return findings;
    }

    private static void AddPhones(string text, List<Finding> findings)
    {
        // Cheap pre-check: libphonenumber's matcher is the slow part, and most text has no run of 7 digits.
        if (!HasDigits(text, 7))
        {
            return;
        }

        foreach (var match in Phones.FindNumbers(text, "CN", PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var start = match.Start;
            var length = match.Length;
            if (Overlaps(findings, start, length) || IsInsideDigitRun(text, start, length))
            {
                continue;
            }

            findings.Add(new Finding(PersonalDataKinds.Phone, start, length, Phones.Format(match.Number, PhoneNumberFormat.E164)));
        }
    }

    /// <summary>The matcher accepts a number glued to letters of other scripts; a digit or ASCII letter next to it means it is part of something longer.</summary>
    private static bool IsInsideDigitRun(string text, int start, int length) =>
        (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (start + length < text.Length && char.IsAsciiLetterOrDigit(text[start + length]));

    private static bool HasDigits(string text, int count)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : c is ' ' or '-' ? run : 0;
            if (run >= count)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Overlaps(List<Finding> findings, int start, int length)
    {
        foreach (var f in findings)
        {
            if (start < f.Start + f.Length && f.Start < start + length)
            {
                return true;
            }
        }

        return false;
    }
}
