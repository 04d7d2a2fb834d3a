namespace TakedownFn.Domain.Detection;

/// <summary>
/// Unified social credit codes (GB 32100-2015): 18 characters over
/// <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> (no I, O, S, V, Z); a registration authority and an entity
/// type, a 6-digit region code, a 9-character organisation code and a check character
/// alphabet[(31 − Σ wᵢ·cᵢ mod 31) mod 31].
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Registration authorities (GB 32100 Table 1): 1 organisation staffing, 5 civil affairs,
    /// 9 market regulation (businesses), Y other; their entity types are 1–3 or 9 (Y: 1).
    /// </summary>
    private static bool IsAuthorityAndType(char authority, char type) => authority switch
    {
        '1' or '5' or '9' => type is '1' or '2' or '3' or '9',
        'Y' => type == '1',
        _ => false,
    };

    /// <summary>Whether <paramref name="candidate"/> is a valid code (upper case); <paramref name="normalised"/> is it.</summary>
    public static bool TryValidate(ReadOnlySpan<char> candidate, out string normalised)
    {
        normalised = string.Empty;
        if (candidate.Length != 18 || !IsAuthorityAndType(candidate[0], candidate[1]) || !ResidentIdNumber.IsRegionCode(candidate[2..]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(candidate[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        if (candidate[17] != Alphabet[(31 - (sum % 31)) % 31])
        {
            return false;
        }

        normalised = candidate.ToString();
        return true;
    }

    /// <summary>The check character for the first 17 characters (for building test data).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
