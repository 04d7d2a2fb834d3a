using System.Text.Json;
using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Sla;

/// <summary>
/// Reads a tenant override file. Shape checks only; whether it loosens a statutory deadline depends
/// on the packs and is checked by <see cref="PolicyCatalog.Check(TenantOverride)"/>.
/// </summary>
public static class TenantOverrideReader
{
    /// <summary>Parses <paramref name="json"/>; <paramref name="fileName"/> is used in error messages.</summary>
    public static DataReadResult<TenantOverride> Read(string fileName, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonFields.DocumentOptions);
        }
        catch (JsonException ex)
        {
            return DataReadResult<TenantOverride>.From(null, [new(fileName, null, "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }

        using (document)
        {
            var errors = new List<PolicyDataError>();
            var root = new JsonFields(document.RootElement, fileName, null, errors, "tenant", "version", "rules");
            var tenant = root.String("tenant");
            var version = root.Int("version");
            if (version is < 1)
            {
                root.Error("version", "must be 1 or more");
            }

            var rules = new List<TenantRule>();
            var elements = root.Array("rules");
            for (var i = 0; i < elements.Count; i++)
            {
                var before = errors.Count;
                var f = new JsonFields(elements[i], fileName, $"rule {i}", errors, "regime", "category", "stage", "length", "unit");
                var regimeId = f.String("regime");
                var category = f.String("category");
                Regime? regime = null;
                if (regimeId is not null && !Regimes.TryGet(regimeId, out regime))
                {
                    f.Error("regime", $"unknown regime '{regimeId}'");
                }
                else if (regime is not null && category is not null && category != PolicyRule.Any && !regime.Allows(category))
                {
                    f.Error("category", $"unknown category '{category}' for regime '{regimeId}'");
                }

                var stageText = f.String("stage");
                if (stageText is not null && !SlaWireIds.TryParse(stageText, out SlaStage _))
                {
                    f.Error("stage", $"unknown stage '{stageText}'");
                }

                var amount = f.Int("length");
                if (amount is <= 0)
                {
                    f.Error("length", $"must be positive, was {amount}");
                }

                var unitText = f.String("unit");
                if (unitText is not null && !SlaWireIds.TryParse(unitText, out DurationUnit _))
                {
                    f.Error("unit", $"unknown unit '{unitText}'");
                }

                if (errors.Count > before)
                {
                    continue;
                }

                SlaWireIds.TryParse(stageText, out SlaStage stage);
                SlaWireIds.TryParse(unitText, out DurationUnit unit);
                var rule = new TenantRule(regimeId!, category!, stage, new SlaLength(amount!.Value, unit));
                if (rules.Any(r => r.Key == rule.Key))
                {
                    f.Error("stage", $"duplicates an earlier rule for {rule.Key}");
                    continue;
                }

                rules.Add(rule);
            }

            var value = tenant is null || version is null ? null : new TenantOverride(tenant, version.Value, rules, fileName);
            return DataReadResult<TenantOverride>.From(value, errors);
        }
    }
}
