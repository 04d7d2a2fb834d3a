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
        // libphonenumber's matcher is the slow part of detection; it runs only on the stretches of
        // phone-number characters that hold at least 7 digits, not on the prose around them.
        foreach (var (from, length) in PhoneStretches(text))
        {
            if (DigitsClaimed(text, from, length, findings))
            {
                continue; // an ID number or card already: no phone inside it
            }

            foreach (var match in Phones.FindNumbers(text.Substring(from, length), "CN", PhoneNumberUtil.Leniency.VALID, long.MaxValue))
            {
                var start = from + match.Start;
                if (Overlaps(findings, start, match.Length) || IsInsideDigitRun(text, start, match.Length))
                {
                    continue;
                }

                findings.Add(new Finding(PersonalDataKinds.Phone, start, match.Length, Phones.Format(match.Number, PhoneNumberFormat.E164)));
            }
        }
    }

    /// <summary>Maximal runs of digits, spaces, <c>+ ( ) - . /</c> that hold 7 digits or more (the shortest CN subscriber number).</summary>
    private static IEnumerable<(int From, int Length)> PhoneStretches(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsPhoneChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = 0;
            while (i < text.Length && IsPhoneChar(text[i]))
            {
                digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
                i++;
            }

            if (digits >= 7)
            {
                yield return (start, i - start);
            }
        }
    }

    /// <summary>Whether every digit of the stretch lies inside an earlier finding.</summary>
    private static bool DigitsClaimed(string text, int from, int length, List<Finding> findings)
    {
        for (var i = from; i < from + length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && !Overlaps(findings, i, 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.' or '/';

    /// <summary>The matcher accepts a number glued to letters of other scripts; a digit or ASCII letter next to it means it is part of something longer.</summary>
    private static bool IsInsideDigitRun(string text, int start, int length) =>
        (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) || (start + length < text.Length && char.IsAsciiLetterOrDigit(text[start + length]));

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
