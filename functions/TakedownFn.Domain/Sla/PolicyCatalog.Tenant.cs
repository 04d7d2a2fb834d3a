using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Sla;

/// <summary>Applying and checking tenant overrides.</summary>
public sealed partial class PolicyCatalog
{
    /// <summary>
    /// Every problem <paramref name="tenant"/> would cause under any pack version in this catalog, for
    /// any category and severity it reaches: loosening a statutory length, a deadline at or before a
    /// window's minimum, or a rule that changes nothing the packs time. Run it when an override is
    /// saved and when a pack is added, so <see cref="Resolve"/> never meets a bad override at intake.
    /// </summary>
    public IReadOnlyList<PolicyDataError> Check(TenantOverride tenant)
    {
        var errors = new List<PolicyDataError>();
        foreach (var tenantRule in tenant.Rules)
        {
            var applied = false;
            var regime = Regimes.All.Single(r => r.Id == tenantRule.Regime);
            var categories = tenantRule.Category == PolicyRule.Any ? regime.Categories : [tenantRule.Category];
            foreach (var pack in Packs)
            {
                foreach (var category in categories)
                {
                    foreach (var severity in Enum.GetValues<SeverityLevel>())
                    {
                        var packRule = BestRule(pack, tenantRule.Regime, category, severity, tenantRule.Stage);
                        if (packRule is not null && BestTenantRule(tenant, tenantRule.Regime, category, tenantRule.Stage) == tenantRule)
                        {
                            applied = true;
                            ApplyTenant(packRule, tenantRule, tenant, errors, $" under {pack.Id} v{pack.Version}");
                        }
                    }
                }
            }

            if (!applied)
            {
                errors.Add(new(tenant.FileName, $"rule {tenantRule.Key}", "stage", "no pack rule times this stage for this regime and category, so there is nothing to tighten"));
            }
        }

        return errors.Distinct().ToArray();
    }

    private static TenantRule? BestTenantRule(TenantOverride? tenant, string regime, string category, SlaStage stage) =>
        tenant?.Rules
            .Where(r => r.Stage == stage && r.Regime == regime && (r.Category == PolicyRule.Any || r.Category == category))
            .MaxBy(r => r.Category == PolicyRule.Any ? 0 : 1);

    /// <remarks>
    /// Decision: a tenant may loosen a platform target (<c>statutory: false</c>): the target is the
    /// platform's own number where the law only says "timely", and the tenant is the platform. It
    /// may never loosen a statutory length. Lengths in different units are compared only when the
    /// order is certain (see <see cref="SlaLength.IsSurelyNoLongerThan"/>); otherwise the override is
    /// rejected rather than guessed safe. For preservation, stricter means longer.
    /// </remarks>
    private static ResolvedRule ApplyTenant(PolicyRule rule, TenantRule? tenantRule, TenantOverride? tenant, List<PolicyDataError> errors, string context = "")
    {
        if (tenantRule is null || tenant is null)
        {
            return new ResolvedRule(rule.Stage, rule.ClockStart, rule.Length, rule.Calendar, rule.Statutory, rule.Basis, rule.Minimum, rule.Key, null);
        }

        var item = $"rule {tenantRule.Key}";
        var wanted = tenantRule.Length;
        var isRetention = rule.Stage == SlaStage.Preservation;
        var tightens = isRetention ? wanted.IsSurelyNoShorterThan(rule.Length) : wanted.IsSurelyNoLongerThan(rule.Length);
        if (rule.Statutory && !tightens)
        {
            var direction = isRetention ? "shorten" : "loosen";
            errors.Add(new(tenant.FileName, item, "length",
                $"{wanted} would {direction} the statutory {rule.Length} of {rule.Key}{context} ({rule.Basis}); a tenant may only tighten a statutory length"));
        }

        if (rule.Minimum is { } minimum && !(wanted.Unit == minimum.Length.Unit && wanted.Amount > minimum.Length.Amount))
        {
            errors.Add(new(tenant.FileName, item, "length",
                $"{wanted} must be longer than the window's minimum {minimum.Length} of {rule.Key}{context}, in the same unit ({minimum.Basis})"));
        }

        return new ResolvedRule(rule.Stage, rule.ClockStart, wanted, rule.Calendar, rule.Statutory, rule.Basis, rule.Minimum, rule.Key, rule.Length);
    }
}
