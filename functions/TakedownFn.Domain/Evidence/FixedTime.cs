namespace TakedownFn.Domain.Evidence;

/// <summary>A clock stopped at one instant: a bundle's stages are judged at its <see cref="EvidenceBundle.GeneratedAt"/>, by the service and by the verifier alike.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
