using System.Globalization;
using TakedownFn.Domain.Dsa;
using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Reports;

/// <summary>
/// The Art. 16 notice figures of the DSA transparency report (Art. 15(1)(b), Implementing
/// Regulation (EU) 2024/2835), in the Commission's CSV template layout: the identification section
/// and the notices section, one row per Transparency Database category plus a TOTAL row. Computed
/// from the same rollup rows as the SLA report, so the numbers agree with it.
/// </summary>
public static class DsaTransparencyReport
{
    public const string Total = "TOTAL";

    /// <summary>The identification section's columns (template part "Report identification").</summary>
    public static readonly IReadOnlyList<string> IdentificationColumns =
    [
        "Name of the service provider",
        "Date of the publication of the report",
        "Date of the publication of the latest previous report",
        "Starting date of reporting period",
        "Ending date of reporting period",
    ];

    /// <summary>The notices section's columns (template part "Notices (Art. 16)").</summary>
    public static readonly IReadOnlyList<string> NoticeColumns =
    [
        "Category",
        "Number of notices received",
        "Number of notices received from Trusted flaggers",
        "Number of specific items of information included in the total number of notices",
        "Number of specific items of information included in the notices received from Trusted flaggers",
        "Median time to take action (hours)",
        "Median time to take action on notices from Trusted flaggers (hours)",
        "Number of actions taken on the basis of the law",
        "Number of actions taken on the basis of the law on notices from Trusted flaggers",
        "Number of actions taken on the basis of the terms and conditions of the service",
        "Number of actions taken on the basis of the terms and conditions of the service on notices from Trusted flaggers",
        "Contextual information",
    ];

    /// <summary>What the contextual information column says on every row (how the service counts).</summary>
    public const string Context =
        "Notices filed under the regimes reported, counted in the period of receipt. Actions: content removed, disabled, " +
        "geo-restricted or labelled; counted on the basis of the terms and conditions when the action was recorded with " +
        "basis terms, else on the basis of the law. Time to take action: from receipt to the decision on the content (no-action " +
        "decisions included), server times, median within 1%.";

    /// <summary>The regimes counted by default: notices under DSA Art. 16.</summary>
    public static readonly IReadOnlyList<string> DefaultRegimes = [Regimes.EuDsa16];

    /// <summary>The identification row.</summary>
    public static IReadOnlyList<string> Identification(string provider, DateOnly published, DateOnly? previous, DateOnly first, DateOnly last) =>
        [provider, Date(published), previous is { } p ? Date(p) : string.Empty, Date(first), Date(last)];

    /// <summary>The notices rows: one per Transparency Database category met in the rows, in the database's order, then TOTAL.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Notices(IEnumerable<RollupRow> rows, IReadOnlyCollection<string> regimes)
    {
        var byCategory = new SortedDictionary<string, (SlaFigures All, SlaFigures Trusted)>(StringComparer.Ordinal);
        var total = (All: new SlaFigures(), Trusted: new SlaFigures());
        foreach (var row in rows.Where(r => regimes.Contains(r.Dimensions.Regime)))
        {
            var category = DsaCategories.TryGet(row.Dimensions.Regime, row.Dimensions.Category, out var mapping) ? mapping.StatementCategory : DsaStatementCategories.NotSpecifiedNotice;
            if (!byCategory.TryGetValue(category, out var figures))
            {
                byCategory[category] = figures = (new SlaFigures(), new SlaFigures());
            }

            var trusted = row.Dimensions.Source == NotifierRole.TrustedFlagger.ToId();
            foreach (var target in new[] { figures, total })
            {
                target.All.Merge(row.Figures);
                if (trusted)
                {
                    target.Trusted.Merge(row.Figures);
                }
            }
        }

        var order = DsaStatementCategories.All.ToList();
        return
        [
            .. byCategory.OrderBy(c => order.IndexOf(c.Key)).Select(c => Row(c.Key, c.Value.All, c.Value.Trusted)),
            Row(Total, total.All, total.Trusted),
        ];
    }

    /// <summary>Actions on the content: every decision but no-action.</summary>
    public static long Actions(SlaFigures figures) =>
        ReportNames.Actions.Where(a => a.Name != "no-action").Sum(a => figures.Count(ReportNames.ActionPrefix + a.Name));

    private static IReadOnlyList<string> Row(string category, SlaFigures all, SlaFigures trusted) =>
    [
        category,
        Number(all.Count(ReportNames.Received)),
        Number(trusted.Count(ReportNames.Received)),
        Number(all.Count(ReportNames.Items)),
        Number(trusted.Count(ReportNames.Items)),
        Hours(all),
        Hours(trusted),
        Number(Actions(all) - all.Count(ReportNames.ActionedOnTerms)),
        Number(Actions(trusted) - trusted.Count(ReportNames.ActionedOnTerms)),
        Number(all.Count(ReportNames.ActionedOnTerms)),
        Number(trusted.Count(ReportNames.ActionedOnTerms)),
        Context,
    ];

    /// <summary>The median time to the decision on the content in hours (two decimals); empty when nothing was decided (never 0).</summary>
    private static string Hours(SlaFigures figures) =>
        figures.Stages.GetValueOrDefault("act")?.Durations.Percentile(50) is { } median
            ? Math.Round(median.TotalHours, 2).ToString("0.00", CultureInfo.InvariantCulture)
            : string.Empty;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
