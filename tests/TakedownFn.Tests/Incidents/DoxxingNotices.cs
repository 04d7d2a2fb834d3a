using System.Text.Json.Nodes;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Incidents;

/// <summary>Doxxing notices whose items carry excerpts with fake, well-formed personal information.</summary>
public static class DoxxingNotices
{
    /// <summary>A complete doxxing notice (category photos, so only what the excerpts expose makes it urgent).</summary>
    public static JsonObject With(string excerpt, string? uploader = null, string? victimAccount = null, string category = "photos")
    {
        var notice = SampleNotices.Doxxing();
        notice["category"] = category;
        notice.Remove("severity");
        var item = new JsonObject { ["url"] = $"https://forum.example/t/{Guid.NewGuid():N}", ["excerpt"] = excerpt };
        if (uploader is not null)
        {
            item["uploader"] = uploader;
        }

        notice["items"] = new JsonArray(item);
        if (victimAccount is not null)
        {
            notice["victimAccount"] = victimAccount;
        }

        return notice;
    }
}
