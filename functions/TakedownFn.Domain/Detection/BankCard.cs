namespace TakedownFn.Domain.Detection;

/// <summary>
/// Payment card numbers: 15–19 digits passing the Luhn check (ISO/IEC 7812-1 Annex B) with an issuer
/// prefix of a scheme that issues in China or is common there. The prefix matters: one in ten random
/// digit strings passes Luhn, so Luhn alone would flag order numbers and tracking codes.
/// </summary>
public static class BankCard
{
    /// <summary>Whether the digits form a card number: UnionPay 62 (16–19), Visa 4 (16), Mastercard 51–55 and 2221–2720 (16), JCB 35 (16), American Express 34/37 (15).</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> digits)
    {
        var length = digits.Length;
        if (length is < 15 or > 19 || !Luhn(digits))
        {
            return false;
        }

        var two = ((digits[0] - '0') * 10) + (digits[1] - '0');
        var four = (two * 100) + ((digits[2] - '0') * 10) + (digits[3] - '0');
        return two switch
        {
            62 => length >= 16,
            34 or 37 => length == 15,
            35 or (>= 51 and <= 55) => length == 16,
            _ when digits[0] == '4' => length == 16,
            _ => four is >= 2221 and <= 2720 && length == 16,
        };
    }

    /// <summary>The Luhn check over ASCII digits.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
