namespace TakedownFn.RateLimiting;

/// <summary>One token bucket: <see cref="Burst"/> requests at once, refilled by <see cref="PerPeriod"/> every <see cref="Period"/>.</summary>
internal sealed record TokenBucket
{
    public int Burst { get; init; }

    public int PerPeriod { get; init; }

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(1);

    internal IEnumerable<string> Problems(string name)
    {
        if (Burst < 1 || PerPeriod < 1 || Period <= TimeSpan.Zero)
        {
            yield return $"{name} needs Burst and PerPeriod of at least 1 and a positive Period (was {Burst}, {PerPeriod}, {Period})";
        }
    }
}

/// <summary>
/// Request limits (<c>TakedownFn:RateLimits</c>): a bucket per tenant and one per key, both of which
/// a request must pass; a tenant listed under <see cref="Tenants"/> gets its own limits.
/// </summary>
/// <remarks>
/// The defaults sit above what one tenant's table partition takes in Azure (about 2,000 entities/s,
/// six per notice): they stop a runaway client, not a platform's normal peak. Each instance counts
/// on its own, so with N instances a tenant can reach N times these figures.
/// </remarks>
internal sealed record RateLimitOptions
{
    public const string Section = "TakedownFn:RateLimits";

    /// <summary>Every tenant's bucket unless <see cref="Tenants"/> names it.</summary>
    public TokenBucket Tenant { get; init; } = new() { Burst = 2_000, PerPeriod = 1_000 };

    /// <summary>Every key's bucket unless <see cref="Tenants"/> names the key's tenant with a <see cref="TenantLimits.Key"/>.</summary>
    public TokenBucket Key { get; init; } = new() { Burst = 2_000, PerPeriod = 1_000 };

    /// <summary>Limits per tenant id.</summary>
    public Dictionary<string, TenantLimits> Tenants { get; init; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Problems() =>
        Tenant.Problems($"{Section}:Tenant")
            .Concat(Key.Problems($"{Section}:Key"))
            .Concat(Tenants.SelectMany(t => (t.Value.Tenant?.Problems($"{Section}:Tenants:{t.Key}:Tenant") ?? [])
                .Concat(t.Value.Key?.Problems($"{Section}:Tenants:{t.Key}:Key") ?? [])));
}

/// <summary>One tenant's own limits; either may be left out to keep the default.</summary>
internal sealed record TenantLimits
{
    public TokenBucket? Tenant { get; init; }

    public TokenBucket? Key { get; init; }
}
