namespace TakedownFn.Domain.Notices;

/// <summary>
/// One reported piece of content: either an absolute http(s) <see cref="Url"/> or the platform's own
/// <see cref="ContentId"/>, never both.
/// </summary>
public sealed record ReportedItem
{
    private ReportedItem(Uri? url, string? contentId)
    {
        Url = url;
        ContentId = contentId;
    }

    public Uri? Url { get; }

    public string? ContentId { get; }

    /// <summary>The reported text (personal-information detection reads it; it is never stored).</summary>
    public string? Excerpt { get; init; }

    /// <summary>The platform's id of the account that posted the item.</summary>
    public string? Uploader { get; init; }

    /// <summary>Kinds the platform flagged on the item, ids of <see cref="Detection.PersonalDataKinds.Markers"/>.</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>Whether the item is located by URL (some regimes demand an exact URL).</summary>
    public bool IsUrl => Url is not null;

    /// <summary>An item located by an absolute http or https URL.</summary>
    public static ReportedItem ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("must be an absolute http or https URL", nameof(url));
        }

        return new ReportedItem(url, null);
    }

    /// <summary>An item located by the platform's content id.</summary>
    public static ReportedItem ForContentId(string contentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        return new ReportedItem(null, contentId);
    }
}
