using System.Diagnostics.CodeAnalysis;

namespace TakedownFn.Domain.Notices;

/// <summary>Judges a notice against the elements its regime requires; see <c>LegalCompleteness.Rules.cs</c>.</summary>
public static partial class LegalCompleteness
{
    /// <summary>
    /// Lists every required element the notice lacks. Does not assume the notice came through
    /// <see cref="NoticeIntake"/>: an empty item list, for instance, is reported as a missing location.
    /// </summary>
    /// <exception cref="ArgumentException">The notice names a regime outside <see cref="Regimes"/>.</exception>
    public static CompletenessResult Check(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!Rules.TryGetValue(notice.Regime, out var rules))
        {
            throw new ArgumentException("the notice's regime is not a known regime", nameof(notice));
        }

        var missing = rules
            .Where(rule => !rule.IsPresent(notice))
            .Select(rule => new MissingElement(rule.Element, rule.Citation, rule.Field))
            .ToArray();
        return missing.Length == 0 ? new CompletenessResult.Valid() : new CompletenessResult.Incomplete(missing);
    }

    /// <summary>The elements a regime requires, in the order they are reported.</summary>
    public static IReadOnlyList<string> RequiredElements(string regime) =>
        Rules.TryGetValue(regime, out var rules)
            ? rules.Select(rule => rule.Element).ToArray()
            : throw new ArgumentException("not a known regime", nameof(regime));

    /// <summary>
    /// A required element of <paramref name="regime"/> by its id, with the provision that requires it
    /// and the field that supplies it; false for an id the regime does not require (ids are unique
    /// within a regime). Stored cases keep only the ids of what they lack; this gives the rest.
    /// </summary>
    public static bool TryDescribe(string? regime, string? element, [NotNullWhen(true)] out MissingElement? described)
    {
        var rule = regime is not null && Rules.TryGetValue(regime, out var rules) ? rules.FirstOrDefault(r => r.Element == element) : null;
        described = rule is null ? null : new MissingElement(rule.Element, rule.Citation, rule.Field);
        return described is not null;
    }

    private sealed record ElementRule(string Element, string Citation, string Field, Func<Notice, bool> IsPresent);

    private static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool HasName(Notice notice) => HasText(notice.Notifier?.Name);

    private static bool HasContact(Notice notice) => notice.Notifier?.Contact.HasAny == true;

    private static bool HasDirectContact(Notice notice) => HasEmail(notice) || HasText(notice.Notifier?.Contact.Phone);

    private static bool HasEmail(Notice notice) => HasText(notice.Notifier?.Contact.Email);

    private static bool HasPostalAddress(Notice notice) => HasText(notice.Notifier?.Contact.PostalAddress);

    private static bool HasItems(Notice notice) => notice.Items.Count > 0;

    private static bool AllItemsAreUrls(Notice notice) => notice.Items.Count > 0 && notice.Items.All(item => item.IsUrl);

    private static bool HasEvidence(Notice notice) => notice.Evidence.Any(HasText);
}
