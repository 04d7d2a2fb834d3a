namespace TakedownFn.Domain.Sla;

/// <summary>
/// A versioned set of <see cref="PolicyRule"/>s shipped as a JSON file (<c>policy-pack.v1.json</c>).
/// A pack never changes once shipped; a change is a new version with a later
/// <see cref="EffectiveFrom"/>, and cases already judged keep the <see cref="ResolvedPolicy"/> they stored.
/// </summary>
/// <param name="Id">The pack lineage, e.g. <c>takedownfn-default</c>.</param>
/// <param name="Version">Increases with every change.</param>
/// <param name="EffectiveFrom">Notices received at or after this instant are judged under this version.</param>
/// <param name="Rules">The rules, validated.</param>
/// <param name="FileName">The file the pack was read from, for messages.</param>
public sealed record PolicyPack(string Id, int Version, DateTimeOffset EffectiveFrom, IReadOnlyList<PolicyRule> Rules, string FileName);
