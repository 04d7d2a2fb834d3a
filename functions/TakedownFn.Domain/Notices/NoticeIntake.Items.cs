using TakedownFn.Domain.Detection;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

public static partial class NoticeIntake
{
    private static List<ReportedItem>? ParseItems(ErrorList errors, IReadOnlyList<ReportedItemSubmission?>? items)
    {
        if (items is null)
        {
            errors.Add("items", TextRules.Required);
            return null;
        }

        if (items.Count < NoticeLimits.MinItems)
        {
            errors.Add("items", $"must contain at least {NoticeLimits.MinItems} item");
            return null;
        }

        // Past the limit the per-item errors would only bury the one that matters.
        if (items.Count > NoticeLimits.MaxItems)
        {
            errors.Add("items", $"must contain at most {NoticeLimits.MaxItems} items");
            return null;
        }

        var parsed = new List<ReportedItem>(items.Count);
        var before = errors.Count;
        for (var i = 0; i < items.Count; i++)
        {
            var item = ParseItem(errors, ErrorList.Index("items", i), items[i]);
            if (item is not null)
            {
                parsed.Add(item);
            }
        }

        return errors.Count == before ? parsed : null;
    }

    private static ReportedItem? ParseItem(ErrorList errors, string path, ReportedItemSubmission? item)
    {
        if (item is null)
        {
            errors.Add(path, "must be an object with a url or a contentId");
            return null;
        }

        var hasUrl = item.Url is not null;
        var hasContentId = item.ContentId is not null;
        if (hasUrl == hasContentId)
        {
            errors.Add(path, "must have exactly one of url and contentId");
            return null;
        }

        if (hasUrl)
        {
            var field = ErrorList.Member(path, "url");
            if (!TextRules.Check(errors, field, item.Url!, NoticeLimits.MaxUrlLength))
            {
                return null;
            }

            if (!TryParseHttpUrl(item.Url!, out var url))
            {
                errors.Add(field, "must be an absolute http or https URL");
                return null;
            }

            return WithDetectionInputs(errors, path, item, ReportedItem.ForUrl(url));
        }

        var contentId = TextRules.Require(errors, ErrorList.Member(path, "contentId"), item.ContentId, NoticeLimits.MaxContentIdLength);
        return contentId is null ? null : WithDetectionInputs(errors, path, item, ReportedItem.ForContentId(contentId));
    }

    /// <summary>The excerpt, uploader and markers, which feed detection and incidents; all optional.</summary>
    private static ReportedItem? WithDetectionInputs(ErrorList errors, string path, ReportedItemSubmission submitted, ReportedItem item)
    {
        var before = errors.Count;
        var excerpt = TextRules.Optional(errors, ErrorList.Member(path, "excerpt"), submitted.Excerpt, NoticeLimits.MaxExcerptLength, multiline: true);
        var uploader = TextRules.Optional(errors, ErrorList.Member(path, "uploader"), submitted.Uploader, NoticeLimits.MaxAccountLength);
        var markers = ParseIdList(errors, ErrorList.Member(path, "markers"), submitted.Markers,
            id => PersonalDataKinds.IsMarker(id) ? id : null, PersonalDataKinds.Markers);
        return errors.Count > before
            ? null
            : item with { Excerpt = excerpt, Uploader = uploader, Markers = markers.OfType<string>().Distinct(StringComparer.Ordinal).ToArray() };
    }

    /// <summary>
    /// Absolute http(s) with a host. Raw whitespace is refused rather than percent-encoded by
    /// <see cref="Uri"/>: the "exact URL" of DSA Art. 16(2)(b) is the one the notifier sent.
    /// </summary>
    internal static bool TryParseHttpUrl(string value, out Uri url)
    {
        url = null!;
        if (value.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(value, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(parsed.Host))
        {
            return false;
        }

        url = parsed;
        return true;
    }
}
