using System.Globalization;

namespace TakedownFn.Storage.Tables;

/// <summary>
/// Formats values as OData v3 literals for <c>$filter</c>, the only place in the project where
/// filter values are escaped. Forms accepted by both Azure and Azurite 3.37: <c>'it''s'</c>,
/// <c>42</c>, <c>42L</c>, <c>2.5</c> (no exponent: Azurite's lexer reads none), <c>true</c>,
/// <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'…'</c>.
/// </summary>
internal static class ODataLiteral
{
    public static string String(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    public static string Int32(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string Guid(Guid value) => $"guid'{value:D}'";

    public static string Binary(byte[] value) => $"X'{Convert.ToHexStringLower(value)}'";

    public static string DateTime(DateTimeOffset value) => $"datetime'{TableDateTime.Format(value)}'";

    /// <summary>Plain decimal notation, with <c>.0</c> on whole values so the literal stays a double.</summary>
    public static string Double(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("Filter values must be finite doubles; NaN and infinities have no portable OData literal.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            text = ExpandExponent(text[..e], int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Turns "-1.25" × 10^exponent into plain decimal digits.</summary>
    private static string ExpandExponent(string mantissa, int exponent)
    {
        var negative = mantissa.StartsWith('-');
        var unsigned = negative ? mantissa[1..] : mantissa;
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? unsigned : unsigned.Remove(point, 1);
        var integerDigits = (point < 0 ? unsigned.Length : point) + exponent;

        string result;
        if (integerDigits <= 0)
        {
            result = "0." + new string('0', -integerDigits) + digits;
        }
        else if (integerDigits >= digits.Length)
        {
            result = digits + new string('0', integerDigits - digits.Length);
        }
        else
        {
            result = digits[..integerDigits] + "." + digits[integerDigits..];
        }

        return negative ? "-" + result : result;
    }
}
