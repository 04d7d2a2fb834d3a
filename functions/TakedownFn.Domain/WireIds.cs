using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain;

/// <summary>
/// Stable kebab-case ids for the domain enums, as they appear in JSON and storage
/// (<see cref="StepKind.ContentGeoRestricted"/> is <c>content-geo-restricted</c>). Parsing is ordinal:
/// <c>Victim</c> is not <c>victim</c>.
/// </summary>
public static class WireIds
{
    public static string ToId(this CaseState value) => KebabIds<CaseState>.ToId(value);

    public static string ToId(this NoticeValidity value) => KebabIds<NoticeValidity>.ToId(value);

    public static string ToId(this StepKind value) => KebabIds<StepKind>.ToId(value);

    public static string ToId(this NotifierRole value) => KebabIds<NotifierRole>.ToId(value);

    public static string ToId(this Harm value) => KebabIds<Harm>.ToId(value);

    public static string ToId(this MaliceSign value) => KebabIds<MaliceSign>.ToId(value);

    public static string ToId(this SeverityLevel value) => KebabIds<SeverityLevel>.ToId(value);

    public static string ToId(this NotificationTopic value) => KebabIds<NotificationTopic>.ToId(value);

    public static bool TryParse(string? id, out CaseState value) => KebabIds<CaseState>.TryParse(id, out value);

    public static bool TryParse(string? id, out NoticeValidity value) => KebabIds<NoticeValidity>.TryParse(id, out value);

    public static bool TryParse(string? id, out StepKind value) => KebabIds<StepKind>.TryParse(id, out value);

    public static bool TryParse(string? id, out NotifierRole value) => KebabIds<NotifierRole>.TryParse(id, out value);

    public static bool TryParse(string? id, out Harm value) => KebabIds<Harm>.TryParse(id, out value);

    public static bool TryParse(string? id, out MaliceSign value) => KebabIds<MaliceSign>.TryParse(id, out value);

    public static bool TryParse(string? id, out SeverityLevel value) => KebabIds<SeverityLevel>.TryParse(id, out value);

    public static bool TryParse(string? id, out NotificationTopic value) => KebabIds<NotificationTopic>.TryParse(id, out value);

    /// <summary>Every id of a domain enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => KebabIds<TEnum>.All;
}
