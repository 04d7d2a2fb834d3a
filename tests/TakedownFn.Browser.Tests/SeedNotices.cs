using System.Text.Json.Nodes;

namespace TakedownFn.Browser.Tests;

/// <summary>The notices the browser suite seeds through the API: complete, so their clocks run.</summary>
internal static class SeedNotices
{
    /// <summary>A complete DMCA notice (all six 17 USC 512(c)(3) elements), received five minutes ago.</summary>
    public static JsonObject Dmca() => new()
    {
        ["regime"] = "us-dmca",
        ["category"] = "copyright",
        ["items"] = new JsonArray(new JsonObject { ["url"] = $"https://video.example/watch/{Guid.NewGuid():N}" }),
        ["notifier"] = new JsonObject { ["name"] = "Rights Holder Ltd", ["contact"] = new JsonObject { ["email"] = "legal@rights.example" }, ["role"] = "right-holder" },
        ["explanation"] = "The video reproduces our film in full.",
        ["declarations"] = new JsonObject { ["goodFaith"] = true, ["accuracy"] = true, ["authorityUnderPenaltyOfPerjury"] = true },
        ["signature"] = "/A. Agent/",
        ["platformReference"] = $"ref-{Guid.NewGuid():N}",
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
    };

    /// <summary>A doxxing notice under China's personal-information regime, with harms that make it urgent.</summary>
    public static JsonObject Doxxing() => new()
    {
        ["regime"] = "cn-personal-info",
        ["category"] = "home-address",
        ["items"] = new JsonArray(new JsonObject { ["url"] = $"https://forum.example/t/{Guid.NewGuid():N}" }),
        ["notifier"] = new JsonObject { ["name"] = "Victim", ["contact"] = new JsonObject { ["email"] = "victim@example.org" }, ["role"] = "victim" },
        ["explanation"] = "My home address was posted with calls to visit me.",
        ["severity"] = new JsonObject { ["harms"] = new JsonArray("harassment", "threats") },
        ["platformReference"] = $"ref-{Guid.NewGuid():N}",
        ["receivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
    };
}
