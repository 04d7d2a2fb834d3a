namespace TakedownFn.Domain.Detection;

public static partial class PersonalDataDetector
{
    /// <summary>
    /// Runs of ASCII letters and digits, where a single space or dash between two digits joins the
    /// groups ("110105 19491231 002X", "6222-0212-3456-7894"). A run is judged whole first; if the
    /// whole is nothing, each group is judged alone (two phone numbers separated by a space).
    /// </summary>
    private static void AddRuns(string text, DateOnly today, List<Finding> findings)
    {
        var claimedBefore = findings.Count;
        var groups = new List<(int Start, int End)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            groups.Clear();
            var groupStart = i;
            var j = i;
            while (j < text.Length)
            {
                if (char.IsAsciiLetterOrDigit(text[j]))
                {
                    j++;
                }
                else if (text[j] is ' ' or '-' && char.IsAsciiDigit(text[j - 1]) && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
                {
                    groups.Add((groupStart, j));
                    groupStart = j + 1;
                    j++;
                }
                else
                {
                    break;
                }
            }

            groups.Add((groupStart, j));
            if (!OverlapsAny(findings, claimedBefore, i, j - i) && !Judge(text, groups, 0, groups.Count, today, findings) && groups.Count > 1)
            {
                foreach (var g in groups)
                {
                    Judge(text, [g], 0, 1, today, findings);
                }
            }

            i = j;
        }
    }

    /// <summary>Overlap with the findings made before the runs (e-mails, plates).</summary>
    private static bool OverlapsAny(List<Finding> findings, int count, int start, int length)
    {
        for (var k = 0; k < count; k++)
        {
            if (start < findings[k].Start + findings[k].Length && findings[k].Start < start + length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Judge(string text, List<(int Start, int End)> groups, int from, int to, DateOnly today, List<Finding> findings)
    {
        Span<char> buffer = stackalloc char[24];
        var length = 0;
        for (var g = from; g < to; g++)
        {
            var (start, end) = groups[g];
            if (length + end - start > buffer.Length)
            {
                return false; // longer than any number we know: not a number of its own
            }

            text.AsSpan(start, end - start).CopyTo(buffer[length..]);
            length += end - start;
        }

        var compact = buffer[..length];
        var kind = Classify(compact, today, out var value);
        if (kind is null)
        {
            return false;
        }

        var first = groups[from].Start;
        findings.Add(new Finding(kind, first, groups[to - 1].End - first, value));
        return true;
    }

    private static string? Classify(Span<char> compact, DateOnly today, out string value)
    {
        value = string.Empty;
        switch (compact.Length)
        {
            case 18:
                if (ResidentIdNumber.TryValidate18(compact, today, out value))
                {
                    return PersonalDataKinds.IdNumber;
                }

                return CreditCode.TryValidate(compact, out value) ? PersonalDataKinds.CreditCode : CardOrNull(compact, ref value);
            case 15:
                return ResidentIdNumber.TryValidate15(compact, today, out value) ? PersonalDataKinds.IdNumber : CardOrNull(compact, ref value);
            case 9:
                return IsPassport(compact, ref value) ? PersonalDataKinds.Passport : null;
            case >= 16 and <= 19:
                return CardOrNull(compact, ref value);
            default:
                return null;
        }
    }

    private static string? CardOrNull(Span<char> compact, ref string value)
    {
        foreach (var c in compact)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        if (!BankCard.IsCardNumber(compact))
        {
            return null;
        }

        value = compact.ToString();
        return PersonalDataKinds.BankCard;
    }

    /// <summary>
    /// Ordinary passports of the mainland: E + 8 digits (2012 on), E + a letter (not I or O) + 7 digits
    /// (once the E-digit range ran out), G + 8 digits (before 2012). Letters are compared upper-case.
    /// </summary>
    private static bool IsPassport(Span<char> compact, ref string value)
    {
        var first = char.ToUpperInvariant(compact[0]);
        var second = char.ToUpperInvariant(compact[1]);
        for (var k = 2; k < 9; k++)
        {
            if (!char.IsAsciiDigit(compact[k]))
            {
                return false;
            }
        }

        var valid = first switch
        {
            'E' => char.IsAsciiDigit(second) || (char.IsAsciiLetterUpper(second) && second is not 'I' and not 'O'),
            'G' => char.IsAsciiDigit(second),
            _ => false,
        };
        if (valid)
        {
            value = string.Concat([first, second], compact[2..]);
        }

        return valid;
    }
}
