using System.Text.Json;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Notices;

/// <summary>
/// The details of a case's <c>received</c> step: how many items the notice names, and when the
/// stages timed from receipt started (the platform's receipt, or our acceptance if that was
/// earlier). The step is written once, so the start it names is the one the case is judged with
/// for good; steps recorded before it was written name none and started at acceptance.
/// </summary>
internal static class ReceivedDetails
{
    public static string Json(int items, DateTimeOffset? clockStartsAt) =>
        clockStartsAt is { } start
            ? JsonSerializer.Serialize(new Dictionary<string, object> { ["items"] = items, [ReceivedStep.ClockStartsAt] = start.ToUniversalTime() })
            : JsonSerializer.Serialize(new { items });
}
