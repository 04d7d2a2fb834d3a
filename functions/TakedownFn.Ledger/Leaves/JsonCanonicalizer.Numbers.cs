using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TakedownFn.Ledger.Leaves;

public static partial class JsonCanonicalizer
{
    /// <summary>
    /// Formats a double as ECMAScript Number.prototype.toString (ECMA-262 Number::toString), as
    /// RFC 8785 §3.2.2.3 requires. .NET's "R" format already yields the shortest digit string
    /// that round-trips (ties resolved to the closest), which is ECMAScript's choice of digits;
    /// only the layout (where the point goes, when to switch to an exponent) differs.
    /// </summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new JsonException($"{value} has no JSON representation");
        }

        if (value == 0)
        {
            return "0"; // Also for -0: ECMAScript prints both zeros as "0".
        }

        var (digits, n) = ShortestDigits(Math.Abs(value));
        int k = digits.Length;
        var output = new StringBuilder(32);
        if (value < 0)
        {
            output.Append('-');
        }

        if (k <= n && n <= 21)
        {
            output.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            output.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            output.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            int exponent = n - 1;
            output.Append(digits[0]);
            if (k > 1)
            {
                output.Append('.').Append(digits, 1, k - 1);
            }

            output.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return output.ToString();
    }

    /// <summary>
    /// The ECMAScript decomposition value = 0.d1d2…dk × 10^n: the shortest round-tripping digits
    /// without leading or trailing zeros, and the position n of the decimal point.
    /// </summary>
    private static (string Digits, int N) ShortestDigits(double positive)
    {
        string r = positive.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string integral = dot < 0 ? mantissa : mantissa[..dot];
        string fraction = dot < 0 ? string.Empty : mantissa[(dot + 1)..];

        string digits = integral + fraction;
        int n = integral.Length + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');
        return (digits, n - leadingZeros);
    }

    private static double ParseNumber(string literal)
    {
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new JsonException($"number {literal} is outside the IEEE 754 double range RFC 8785 requires");
        }

        return value;
    }
}
