namespace TakedownFn.Domain.Dsa;

/// <summary>
/// Where one of our (regime, category) pairs goes in the EU Transparency Database's taxonomy.
/// </summary>
/// <param name="Regime">Our regime id, e.g. <c>cn-personal-info</c>.</param>
/// <param name="Category">Our category id within that regime, e.g. <c>home-address</c>.</param>
/// <param name="StatementCategory">One of <see cref="DsaStatementCategories.All"/>.</param>
/// <param name="Keywords">
/// The <c>category_specification</c> keywords (each one of <see cref="DsaKeywords.All"/>); empty
/// where our category does not tell which keyword applies.
/// </param>
/// <param name="Reason">Why this mapping, for the README table and for an auditor.</param>
public sealed record DsaCategoryMapping(
    string Regime, string Category, string StatementCategory, IReadOnlyList<string> Keywords, string Reason);
