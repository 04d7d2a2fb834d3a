using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

public static partial class NoticeIntake
{
    private static Notifier? ParseNotifier(ErrorList errors, NotifierSubmission? notifier)
    {
        if (notifier is null)
        {
            return null;
        }

        var name = TextRules.Optional(errors, "notifier.name", notifier.Name, NoticeLimits.MaxNameLength);
        var contact = ParseContact(errors, notifier.Contact);
        NotifierRole? role = null;
        if (!string.IsNullOrWhiteSpace(notifier.Role))
        {
            if (WireIds.TryParse(notifier.Role, out NotifierRole parsedRole))
            {
                role = parsedRole;
            }
            else
            {
                errors.Add("notifier.role", "is not a known role; expected one of: " + string.Join(", ", WireIds.All<NotifierRole>()));
            }
        }

        return new Notifier(name, contact, role);
    }

    private static NotifierContact ParseContact(ErrorList errors, ContactSubmission? contact)
    {
        if (contact is null)
        {
            return NotifierContact.None;
        }

        var email = TextRules.Optional(errors, "notifier.contact.email", contact.Email, NoticeLimits.MaxEmailLength);
        if (email is not null && !LooksLikeEmail(email))
        {
            errors.Add("notifier.contact.email", "must be an email address");
            email = null;
        }

        var phone = TextRules.Optional(errors, "notifier.contact.phone", contact.Phone, NoticeLimits.MaxPhoneLength);
        if (phone is not null && !LooksLikePhone(phone))
        {
            errors.Add("notifier.contact.phone", "must be a phone number: digits, optionally a leading +, spaces, dots, dashes and parentheses");
            phone = null;
        }

        var postal = TextRules.Optional(errors, "notifier.contact.postalAddress", contact.PostalAddress, NoticeLimits.MaxPostalAddressLength, multiline: true);
        return new NotifierContact(email, phone, postal);
    }

    /// <summary>
    /// A deliberately loose check (local part, one last <c>@</c>, a dotted domain, no whitespace):
    /// full RFC 5322 parsing rejects nothing a mail server would not reject itself.
    /// </summary>
    private static bool LooksLikeEmail(string value)
    {
        var at = value.LastIndexOf('@');
        return at > 0
            && at < value.Length - 1
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace);
    }

    /// <summary>5–15 digits: E.164 numbers have at most 15 (ITU-T E.164 §6).</summary>
    private static bool LooksLikePhone(string value)
    {
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 5 and <= 15;
    }
}
