using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

public static partial class NoticeIntake
{
    private static SeverityInputs ParseSeverity(ErrorList errors, SeverityInputsSubmission? severity)
    {
        if (severity is null)
        {
            return SeverityInputs.None;
        }

        if (severity.PlatformCount is < 0)
        {
            errors.Add("severity.platformCount", "must not be negative");
        }

        if (severity.RepostCount is < 0)
        {
            errors.Add("severity.repostCount", "must not be negative");
        }

        var exposed = ParseIdList(errors, "severity.exposedData", severity.ExposedData,
            id => Categories.PersonalDataKinds.Contains(id, StringComparer.Ordinal) ? id : null,
            Categories.PersonalDataKinds);
        var harms = ParseIdList(errors, "severity.harms", severity.Harms,
            id => WireIds.TryParse(id, out Harm harm) ? harm : (Harm?)null,
            WireIds.All<Harm>());
        var malice = ParseIdList(errors, "severity.maliceSigns", severity.MaliceSigns,
            id => WireIds.TryParse(id, out MaliceSign sign) ? sign : (MaliceSign?)null,
            WireIds.All<MaliceSign>());

        return new SeverityInputs(
            severity.PlatformCount is < 0 ? null : severity.PlatformCount,
            severity.RepostCount is < 0 ? null : severity.RepostCount,
            exposed.OfType<string>().Distinct(StringComparer.Ordinal).ToArray(),
            harms.OfType<Harm>().Distinct().ToArray(),
            malice.OfType<MaliceSign>().Distinct().ToArray());
    }

    private static List<T> ParseIdList<T>(
        ErrorList errors, string field, IReadOnlyList<string?>? ids, Func<string, T> parse, IReadOnlyList<string> allowed)
    {
        var parsed = new List<T>();
        if (ids is null)
        {
            return parsed;
        }

        if (ids.Count > NoticeLimits.MaxSeverityListEntries)
        {
            errors.Add(field, $"must contain at most {NoticeLimits.MaxSeverityListEntries} entries");
            return parsed;
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var value = ids[i] is { } id ? parse(id) : default;
            if (value is null)
            {
                errors.Add(ErrorList.Index(field, i), "is not a known id; expected one of: " + string.Join(", ", allowed));
            }
            else
            {
                parsed.Add(value);
            }
        }

        return parsed;
    }
}
