using TakedownFn.Storage;
using TakedownFn.Storage.Accounts;

namespace TakedownFn.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>GET /api/health</c>: whether each storage service is reachable and holds the app's
    /// resources. 200 when all are, 503 otherwise. Anonymous: it reveals names and latencies only.
    /// </summary>
    public static void MapHealth(this WebApplication app) => app.MapGet("/api/health", CheckAsync);

    internal static async Task<IResult> CheckAsync(StorageProbe probe, StorageResources resources, CancellationToken cancellationToken)
    {
        var checks = resources.Queues.Select(q => (StorageService.Queue, q))
            .Concat(resources.Tables.Select(t => (StorageService.Table, t)))
            .Concat(resources.Containers.Select(c => (StorageService.Blob, c)))
            .Select(r => probe.CheckAsync(r.Item1, r.Item2, cancellationToken));
        var results = await Task.WhenAll(checks);
        var healthy = results.All(r => r.Exists);
        var report = new HealthReport(
            healthy ? "healthy" : "unhealthy",
            results.Select(r => new ResourceHealth(
                r.Service.ToString().ToLowerInvariant(), r.Resource, r.Reachable, r.Exists, r.Status, r.ErrorCode, Math.Round(r.Elapsed.TotalMilliseconds, 1))).ToList());
        return Results.Json(report, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The health answer: overall status and one entry per storage resource.</summary>
internal sealed record HealthReport(string Status, IReadOnlyList<ResourceHealth> Storage);

/// <summary>One storage resource as the probe found it.</summary>
internal sealed record ResourceHealth(string Service, string Name, bool Reachable, bool Exists, int? Status, string? ErrorCode, double LatencyMs);
