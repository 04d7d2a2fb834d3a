using System.Globalization;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Validation;
using V = TakedownFn.Domain.Dsa.StatementValues;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// Forms a case's statement of reasons (DSA Art. 17, 24(5)) in the Transparency Database's schema
/// from what the service knows and what the platform recorded, and checks it with
/// <see cref="StatementRules"/>. Pure.
/// </summary>
public static class Statements
{
    /// <summary>The steps that restrict content or an account (Art. 17(1)(a)–(d)), and so need a statement.</summary>
    public static IReadOnlyList<StepKind> RestrictionKinds { get; } =
    [
        StepKind.ContentRemoved, StepKind.ContentDisabled, StepKind.ContentGeoRestricted, StepKind.ContentLabelled,
        StepKind.AccountRestricted, StepKind.AccountSuspended,
    ];

    /// <summary>The statement, or every reason it cannot be exported (keyed by the database's field names).</summary>
    public static (StatementOfReasons Statement, IReadOnlyList<ValidationError> Problems) Form(StatementCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var statement = Build(@case);
        if (@case.Fields is null)
        {
            return (statement, [new ValidationError("statement", "no statement-of-reasons-sent step with the statement's fields was recorded")]);
        }

        return (statement, StatementRules.Check(statement));
    }

    /// <summary>The statement as the case's record gives it, valid or not.</summary>
    public static StatementOfReasons Build(StatementCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var f = @case.Fields ?? new StatementFields();
        var restrictions = @case.Restrictions;
        bool Has(StepKind kind) => restrictions.Any(r => r.Kind == kind);

        var visibility = restrictions.Select(r => r.Kind switch
            {
                StepKind.ContentRemoved => V.VisibilityRemoved,
                // A geo-restriction disables access in the territories named by territorial_scope.
                StepKind.ContentDisabled or StepKind.ContentGeoRestricted => V.VisibilityDisabled,
                StepKind.ContentLabelled => V.VisibilityLabelled,
                _ => null,
            })
            .OfType<string>()
            .Concat(f.DecisionVisibility ?? [])
            .Distinct(StringComparer.Ordinal)
            .OrderBy(v => Order(V.DecisionVisibilities, v))
            .ToList();
        var account = f.DecisionAccount ?? (Has(StepKind.AccountSuspended) ? V.AccountSuspended : null);
        var suspendedUntil = account == V.AccountSuspended
            ? restrictions.LastOrDefault(r => r.Kind == StepKind.AccountSuspended)?.SuspendedUntil
            : null;
        var regions = restrictions.Where(r => r.Kind == StepKind.ContentGeoRestricted).SelectMany(r => r.Regions)
            .Where(V.TerritorialScopes.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var mapping = DsaCategories.TryGet(@case.Regime, @case.Category, out var m) ? m : null;
        var illegal = f.DecisionGround == V.GroundIllegal;
        var incompatible = f.DecisionGround == V.GroundIncompatible;

        return new StatementOfReasons
        {
            DecisionVisibility = visibility.Count > 0 ? visibility : null,
            DecisionVisibilityOther = visibility.Contains(V.VisibilityOther) ? f.DecisionVisibilityOther : null,
            DecisionMonetary = f.DecisionMonetary,
            DecisionMonetaryOther = f.DecisionMonetary == V.MonetaryOther ? f.DecisionMonetaryOther : null,
            // A restriction of the account short of suspension partly suspends the service to the recipient (Art. 17(1)(c)).
            DecisionProvision = f.DecisionProvision ?? (Has(StepKind.AccountRestricted) ? V.ProvisionPartialSuspension : null),
            DecisionAccount = account,
            AccountType = f.AccountType,
            DecisionGround = f.DecisionGround,
            DecisionGroundReferenceUrl = f.DecisionGroundReferenceUrl,
            IllegalContentLegalGround = illegal ? f.IllegalContentLegalGround : null,
            IllegalContentExplanation = illegal ? f.IllegalContentExplanation : null,
            IncompatibleContentGround = incompatible ? f.IncompatibleContentGround : null,
            IncompatibleContentExplanation = incompatible ? f.IncompatibleContentExplanation : null,
            IncompatibleContentIllegal = incompatible ? YesNo(f.IncompatibleContentIllegal) : null,
            ContentType = f.ContentType,
            ContentTypeOther = f.ContentType?.Contains(V.ContentTypeOther) == true ? f.ContentTypeOther : null,
            Category = mapping?.StatementCategory,
            CategorySpecification = mapping is { Keywords.Count: > 0 } ? mapping.Keywords : null,
            TerritorialScope = f.TerritorialScope ?? (regions.Count > 0 ? regions : null),
            ContentLanguage = f.ContentLanguage,
            ContentDate = f.ContentDate,
            ApplicationDate = restrictions.Count > 0 ? Day(restrictions.Min(r => r.OccurredAt)) : null,
            EndDateAccountRestriction = suspendedUntil is { } until ? Day(until) : null,
            DecisionFacts = f.DecisionFacts,
            SourceType = @case.NotifierRole switch
            {
                NotifierRole.TrustedFlagger => V.SourceTrustedFlagger,
                // An authority's order is not an Art. 16 notice (Art. 9 orders).
                NotifierRole.Authority => V.SourceOtherNotification,
                _ => V.SourceArticle16,
            },
            AutomatedDetection = YesNo(f.AutomatedDetection),
            AutomatedDecision = f.AutomatedDecision,
            Puid = @case.CaseId,
        };
    }

    /// <summary>Splits statements into the batches the database's batch endpoint takes (1–100 each).</summary>
    public static IReadOnlyList<IReadOnlyList<StatementOfReasons>> Batches(IReadOnlyList<StatementOfReasons> statements, int size = 100) =>
        statements.Chunk(size).Select(c => (IReadOnlyList<StatementOfReasons>)c).ToList();

    private static int Order(IReadOnlyList<string> values, string value)
    {
        var index = values.ToList().IndexOf(value);
        return index < 0 ? int.MaxValue : index;
    }

    private static string? YesNo(bool? value) => value switch { true => V.Yes, false => V.No, null => null };

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
