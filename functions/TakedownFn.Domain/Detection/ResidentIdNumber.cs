using System.Globalization;

namespace TakedownFn.Domain.Detection;

/// <summary>
/// Mainland resident ID numbers (GB 11643-1999): a 6-digit address code (GB/T 2260), the birth date
/// (YYYYMMDD), a 3-digit sequence and a check character by ISO 7064 MOD 11-2. The old 15-digit form
/// has a 6-digit date (YYMMDD, 19YY) and no check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// The province-level prefixes of GB/T 2260 (and 71 Taiwan, 81 Hong Kong, 82 Macao, which
    /// GB 11643 reserves). The full six-digit table changes every year; checking the province and
    /// that the prefecture and county parts are not both zero is what survives those changes.
    /// </summary>
    private static readonly HashSet<int> Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];

    /// <summary>The earliest birth year accepted: nobody alive was born earlier.</summary>
    private const int EarliestYear = 1900;

    /// <summary>True when the first two digits of <paramref name="code"/> name a province-level division.</summary>
    public static bool IsRegionCode(ReadOnlySpan<char> code) =>
        code.Length >= 6 && AllDigits(code[..6]) && Provinces.Contains(((code[0] - '0') * 10) + (code[1] - '0')) && !code[2..6].SequenceEqual("0000");

    /// <summary>
    /// Whether <paramref name="candidate"/> (18 characters, <c>x</c> accepted for <c>X</c>) is a valid
    /// ID number with a birth date not after <paramref name="today"/>; <paramref name="normalised"/> is upper-case.
    /// </summary>
    public static bool TryValidate18(ReadOnlySpan<char> candidate, DateOnly today, out string normalised)
    {
        normalised = string.Empty;
        if (candidate.Length != 18 || !AllDigits(candidate[..17]) || !IsRegionCode(candidate))
        {
            return false;
        }

        var check = char.ToUpperInvariant(candidate[17]);
        if (check != CheckDigit(candidate[..17]) || !IsBirthDate(candidate.Slice(6, 8), today))
        {
            return false;
        }

        normalised = string.Concat(candidate[..17], [check]);
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> is a valid old 15-digit ID number (region code, a real 19YY date).</summary>
    public static bool TryValidate15(ReadOnlySpan<char> candidate, DateOnly today, out string normalised)
    {
        normalised = string.Empty;
        if (candidate.Length != 15 || !AllDigits(candidate) || !IsRegionCode(candidate) || !IsBirthDate(string.Concat("19", candidate.Slice(6, 6)), today))
        {
            return false;
        }

        normalised = candidate.ToString();
        return true;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static bool IsBirthDate(ReadOnlySpan<char> yyyymmdd, DateOnly today) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= EarliestYear && date <= today;

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
