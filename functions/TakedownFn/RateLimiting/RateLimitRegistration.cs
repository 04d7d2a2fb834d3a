using Microsoft.AspNetCore.RateLimiting;

namespace TakedownFn.RateLimiting;

internal static class RateLimitRegistration
{
    /// <summary>The per-tenant and per-key limits (bad <c>TakedownFn:RateLimits</c> settings stop start-up).</summary>
    public static void AddTakedownRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TenantRateLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<TenantRateLimiter>((o, limiter) =>
        {
            o.GlobalLimiter = limiter.Limiter;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => new ValueTask(limiter.RejectAsync(context.HttpContext, context.Lease));
        });
    }
}
