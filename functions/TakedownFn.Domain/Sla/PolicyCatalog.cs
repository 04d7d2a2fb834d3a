using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// Every policy pack version the service knows. <see cref="Resolve"/> picks the version effective
/// at the notice's receipt and returns a <see cref="ResolvedPolicy"/> for the case to store; loading
/// a newer version (<see cref="With"/>) changes what new cases get, not what old cases stored.
/// </summary>
public sealed partial class PolicyCatalog
{
    private static readonly Lazy<PolicyCatalog> ShippedCatalog = new(LoadShipped);

    /// <summary>Builds a catalog; a pack id and version may appear only once.</summary>
    public PolicyCatalog(IEnumerable<PolicyPack> packs)
    {
        Packs = [.. packs.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Version)];
        var duplicate = Packs.GroupBy(p => (p.Id, p.Version)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"pack '{duplicate.Key.Id}' version {duplicate.Key.Version} is loaded twice ({string.Join(", ", duplicate.Select(p => p.FileName))})",
                nameof(packs));
        }
    }

    /// <summary>The packs shipped with the app (<c>Sla/Data/policy-pack.*.json</c>) on the shipped calendars.</summary>
    public static PolicyCatalog Shipped => ShippedCatalog.Value;

    /// <summary>Every pack version, oldest effective first.</summary>
    public IReadOnlyList<PolicyPack> Packs { get; }

    /// <summary>A catalog that also holds <paramref name="pack"/>; this one is unchanged.</summary>
    public PolicyCatalog With(PolicyPack pack) => new([.. Packs, pack]);

    /// <summary>The pack version effective at <paramref name="at"/>: the latest effective-from not after it, then the highest version.</summary>
    /// <exception cref="InvalidOperationException">No pack is effective yet at <paramref name="at"/>.</exception>
    public PolicyPack PackAt(DateTimeOffset at) =>
        Packs.Where(p => p.EffectiveFrom <= at).OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Version).LastOrDefault()
        ?? throw new InvalidOperationException($"no policy pack is effective at {at:O}");

    /// <summary>
    /// The policy for a notice received at <paramref name="at"/> (the service's clock): for each stage
    /// the most specific matching rule of the pack effective then, with the tenant's override applied.
    /// </summary>
    /// <param name="regime">The notice's regime.</param>
    /// <param name="category">The notice's category.</param>
    /// <param name="severity">The assessed severity.</param>
    /// <param name="at">The notice's acceptance, on the service's clock.</param>
    /// <param name="tenant">The tenant's override in force, if any.</param>
    /// <param name="exposed">Kinds of personal information the notice exposes (reported and detected), for rules that name some.</param>
    /// <exception cref="ArgumentException">Unknown regime, or a category the regime does not allow.</exception>
    /// <exception cref="PolicyDataException">The tenant override would loosen a statutory length or cross a window's minimum.</exception>
    public ResolvedPolicy Resolve(string regime, string category, SeverityLevel severity, DateTimeOffset at, TenantOverride? tenant = null, IReadOnlyCollection<string>? exposed = null)
    {
        if (!Regimes.TryGet(regime, out var known))
        {
            throw new ArgumentException($"unknown regime '{regime}'", nameof(regime));
        }

        if (!known.Allows(category))
        {
            throw new ArgumentException($"regime '{regime}' has no category '{category}'", nameof(category));
        }

        var pack = PackAt(at);
        var errors = new List<PolicyDataError>();
        var rules = new List<ResolvedRule>();
        foreach (var stage in Enum.GetValues<SlaStage>())
        {
            var rule = BestRule(pack, regime, category, severity, stage, exposed);
            if (rule is not null)
            {
                rules.Add(ApplyTenant(rule, BestTenantRule(tenant, regime, category, stage), tenant, errors));
            }
        }

        if (errors.Count > 0)
        {
            throw new PolicyDataException(errors);
        }

        return new ResolvedPolicy(pack.Id, pack.Version, tenant?.TenantId, tenant?.Version, regime, category, severity, at, rules);
    }

    internal static PolicyRule? BestRule(PolicyPack pack, string regime, string category, SeverityLevel severity, SlaStage stage, IReadOnlyCollection<string>? exposed = null) =>
        pack.Rules.Where(r => r.Stage == stage && r.Matches(regime, category, severity, exposed)).MaxBy(r => r.Specificity);

    private static CalendarCatalog CalendarsForShipped() => CalendarCatalog.Shipped;

    private static PolicyCatalog LoadShipped()
    {
        var calendars = CalendarsForShipped();
        var errors = new List<PolicyDataError>();
        var packs = new List<PolicyPack>();
        foreach (var file in EmbeddedData.FileNames("policy-pack."))
        {
            var result = PolicyPackReader.Read(file, EmbeddedData.Read(file), calendars);
            errors.AddRange(result.Errors);
            if (result.Value is not null)
            {
                packs.Add(result.Value);
            }
        }

        return errors.Count > 0 ? throw new PolicyDataException(errors) : new PolicyCatalog(packs);
    }
}
