using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TakedownFn.Tests.Notices;

/// <summary>Notices as a platform would post them. Each call gets a fresh platform reference.</summary>
public static class SampleNotices
{
    /// <summary>A complete DMCA notice: all six 512(c)(3) elements.</summary>
    public static JsonObject Dmca(string? reference = null) => new()
    {
        ["regime"] = "us-dmca",
        ["category"] = "copyright",
        ["items"] = new JsonArray(new JsonObject { ["url"] = "https://video.example/watch/abc123" }),
        ["notifier"] = new JsonObject
        {
            ["name"] = "Rights Holder Ltd",
            ["contact"] = new JsonObject { ["email"] = "legal@rights.example" },
            ["role"] = "right-holder",
        },
        ["explanation"] = "The video reproduces our film 'Example' in full.",
        ["declarations"] = new JsonObject { ["goodFaith"] = true, ["accuracy"] = true, ["authorityUnderPenaltyOfPerjury"] = true },
        ["signature"] = "/A. Agent/",
        ["platformReference"] = reference ?? $"ref-{Guid.NewGuid():N}",
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
    };

    /// <summary>A doxxing notice: the victim's ID number and home address leaked.</summary>
    public static JsonObject Doxxing(string? reference = null) => new()
    {
        ["regime"] = "cn-personal-info",
        ["category"] = "id-number",
        ["items"] = new JsonArray(new JsonObject { ["url"] = "https://forum.example/t/1" }, new JsonObject { ["contentId"] = "post-998877" }),
        ["notifier"] = new JsonObject { ["name"] = "Victim Name", ["contact"] = new JsonObject { ["phone"] = "+86 138 0000 0000" }, ["role"] = "victim" },
        ["explanation"] = "My ID number and home address were posted.",
        ["severity"] = new JsonObject { ["harms"] = new JsonArray("harassment", "threats") },
        ["platformReference"] = reference ?? $"ref-{Guid.NewGuid():N}",
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
    };

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());

    public static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
