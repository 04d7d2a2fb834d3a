namespace TakedownFn.Domain.Sla;

/// <summary>
/// A platform's (tenant's) own changes to the pack's lengths, versioned like a pack. A change may
/// tighten any rule; it may loosen only a platform target (<c>statutory: false</c>), because a
/// target is the platform's own number while a statutory length is the law's. See
/// <see cref="PolicyCatalog.Check(TenantOverride)"/>.
/// </summary>
/// <param name="TenantId">The platform the override belongs to.</param>
/// <param name="Version">Increases with every change; recorded in each <see cref="ResolvedPolicy"/>.</param>
/// <param name="Rules">The changed lengths.</param>
/// <param name="FileName">Where the override came from, for messages.</param>
public sealed record TenantOverride(string TenantId, int Version, IReadOnlyList<TenantRule> Rules, string FileName);

/// <summary>A tenant's length for one regime × category (or <c>*</c>) × stage, applied to every severity.</summary>
/// <param name="Regime">A regime id.</param>
/// <param name="Category">A category of the regime, or <see cref="PolicyRule.Any"/>.</param>
/// <param name="Stage">The stage whose length changes (never a window's minimum).</param>
/// <param name="Length">The tenant's length.</param>
public sealed record TenantRule(string Regime, string Category, SlaStage Stage, SlaLength Length)
{
    /// <summary>The rule's identity in its override, e.g. <c>de-netzdg/unlawful/act</c>.</summary>
    public string Key => $"{Regime}/{Category}/{Stage.ToId()}";
}
