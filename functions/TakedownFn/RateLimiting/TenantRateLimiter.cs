using System.Globalization;
using System.Threading.RateLimiting;
using TakedownFn.Auth;

namespace TakedownFn.RateLimiting;

/// <summary>
/// ASP.NET Core's token-bucket limiters, partitioned per tenant and per key and chained, so a
/// request must find a token in both. Both hosts use this one instance: the standalone host as
/// the rate-limiting middleware's global limiter, the Functions worker from its authorization
/// middleware, after authentication and before the function runs, so a limited request stores nothing.
/// </summary>
/// <remarks>
/// A partition per tenant is what keeps one noisy tenant from slowing the others: its requests
/// only drain its own bucket. Anonymous requests (the health probe; any request without a valid
/// key, which gets 401) are not limited here.
/// </remarks>
internal sealed class TenantRateLimiter(RateLimitOptions options, IProblemDetailsService problems)
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context => Caller(context) is { } caller
            ? RateLimitPartition.GetTokenBucketLimiter($"t|{caller.TenantId ?? "admin"}", _ => Bucket(caller.TenantId is { } t && options.Tenants.TryGetValue(t, out var own) ? own.Tenant ?? options.Tenant : options.Tenant))
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => Caller(context) is { } caller
            ? RateLimitPartition.GetTokenBucketLimiter($"k|{caller.KeyId}", _ => Bucket(caller.TenantId is { } t && options.Tenants.TryGetValue(t, out var own) ? own.Key ?? options.Key : options.Key))
            : RateLimitPartition.GetNoLimiter(string.Empty)));

    /// <summary>Writes the 429 answer: problem details and <c>Retry-After</c> in whole seconds.</summary>
    public async Task RejectAsync(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This tenant or key sent more requests than its limit allows; nothing was stored. Retry after {seconds} s.",
            },
        });
    }

    private static Caller? Caller(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? Auth.Caller.From(context.User) : null;

    private static TokenBucketRateLimiterOptions Bucket(TokenBucket bucket) => new()
    {
        TokenLimit = bucket.Burst,
        TokensPerPeriod = bucket.PerPeriod,
        ReplenishmentPeriod = bucket.Period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
