namespace TakedownFn.Domain.Detection;

/// <summary>
/// Wire ids of the kinds of personal information the detector finds in reported text. Where a kind
/// is also a <c>cn-personal-info</c> category (<c>id-number</c>, <c>phone</c>, <c>home-address</c>,
/// <c>medical</c>, <c>private-messages</c>) the id is the same, so severity and the policy pack
/// weigh a detected kind and a reported one alike.
/// </summary>
public static class PersonalDataKinds
{
    /// <summary>Mainland resident ID number (GB 11643-1999), 18-digit or the old 15-digit form.</summary>
    public const string IdNumber = "id-number";

    /// <summary>Mobile or landline number, as libphonenumber validates it.</summary>
    public const string Phone = "phone";

    /// <summary>Payment card number (Luhn check, a known issuer prefix; UnionPay 62…).</summary>
    public const string BankCard = "bank-card";

    /// <summary>Unified social credit code (GB 32100-2015).</summary>
    public const string CreditCode = "credit-code";

    public const string Email = "email";

    /// <summary>Mainland licence plate (GA 36): province character, letter, 5 or 6 characters.</summary>
    public const string LicencePlate = "licence-plate";

    /// <summary>Mainland ordinary passport number (E + 8 digits, E + letter + 7 digits, old G + 8 digits).</summary>
    public const string Passport = "passport";

    /// <summary>A home address down to the building, unit or room.</summary>
    public const string HomeAddress = "home-address";

    /// <summary>Medical or health data (PIPL Art. 28): a flagged item or a medical-record marker in the text.</summary>
    public const string Medical = "medical";

    /// <summary>Private conversations: a flagged item or a chat-log marker in the text.</summary>
    public const string PrivateMessages = "private-messages";

    /// <summary>Every kind, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [IdNumber, Phone, HomeAddress, Medical, PrivateMessages, BankCard, Passport, CreditCode, Email, LicencePlate];

    /// <summary>Kinds whose content is a marker, not a value: no commitment is made for them.</summary>
    public static IReadOnlyList<string> Markers { get; } = [Medical, PrivateMessages];

    /// <summary>The kinds a platform may flag on an item (<c>items[i].markers</c>).</summary>
    public static bool IsMarker(string kind) => Markers.Contains(kind, StringComparer.Ordinal);
}
