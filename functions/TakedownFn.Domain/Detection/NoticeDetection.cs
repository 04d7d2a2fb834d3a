using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Detection;

/// <summary>
/// Runs detection over every item of a notice and keeps the result without the values: each value
/// goes through <c>commit</c> (the caller's HMAC under the tenant's secret) and only that is kept.
/// Pure given <c>commit</c>.
/// </summary>
public static class NoticeDetection
{
    /// <summary>The commitment field a value of <paramref name="kind"/> is committed under (<c>pii:id-number</c>).</summary>
    public static string FieldOf(string kind) => "pii:" + kind;

    public const string UploaderField = "uploader";
    public const string VictimAccountField = "pii:victim-account";
    public const string ReporterField = "reporter";

    /// <summary>Whether the notice carries anything detection reads (an excerpt, a marker, an uploader or a victim account).</summary>
    public static bool HasInputs(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.VictimAccount is not null || notice.Items.Any(i => i.Excerpt is not null || i.Uploader is not null || i.Markers.Count > 0);
    }

    /// <param name="notice">The parsed notice, excerpts included.</param>
    /// <param name="today">The service's date; a birth date after it is impossible.</param>
    /// <param name="commit">(field, normalised value) → commitment.</param>
    public static DetectionSummary Summarise(Notice notice, DateOnly today, Func<string, string, string> commit)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(commit);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var findings = new List<FindingRecord>();
        var total = 0;
        for (var i = 0; i < notice.Items.Count; i++)
        {
            var item = notice.Items[i];
            foreach (var marker in item.Markers)
            {
                Count(counts, marker);
                total++;
                if (findings.Count < DetectionSummary.MaxFindings)
                {
                    findings.Add(new FindingRecord(marker, i, null, null, null));
                }
            }

            if (item.Excerpt is null)
            {
                continue;
            }

            foreach (var f in PersonalDataDetector.Detect(item.Excerpt, today))
            {
                Count(counts, f.Kind);
                total++;
                if (findings.Count < DetectionSummary.MaxFindings)
                {
                    findings.Add(new FindingRecord(f.Kind, i, f.Start, f.Length, f.Value is null ? null : commit(FieldOf(f.Kind), f.Value)));
                }
            }
        }

        return new DetectionSummary(
            counts,
            findings,
            total > findings.Count,
            notice.Items.Select(i => i.Uploader is null ? null : commit(UploaderField, i.Uploader)).ToArray(),
            notice.VictimAccount is null ? null : commit(VictimAccountField, notice.VictimAccount),
            ReporterOf(notice) is { } reporter ? commit(ReporterField, reporter) : null);
    }

    /// <summary>Who reported, normalised so the same person's notices match: e-mail (lower case), else phone, else name.</summary>
    private static string? ReporterOf(Notice notice) =>
        notice.Notifier is not { } n ? null
        : n.Contact.Email is { } email ? "email:" + email.Trim().ToLowerInvariant()
        : n.Contact.Phone is { } phone ? "phone:" + new string(phone.Where(char.IsAsciiDigit).ToArray())
        : n.Name is { } name ? "name:" + name.Trim()
        : null;

    private static void Count(SortedDictionary<string, int> counts, string kind) =>
        counts[kind] = counts.TryGetValue(kind, out var n) ? n + 1 : 1;
}
