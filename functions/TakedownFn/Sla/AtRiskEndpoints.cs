using System.Xml;
using TakedownFn.Auth;
using TakedownFn.Domain.Sla;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Domain.Surge;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Surge;
using TakedownFn.Surge;

namespace TakedownFn.Sla;

/// <summary>
/// <c>GET /api/sla/at-risk?within=PT1H</c>: the tenant's open stages that are breached, or due
/// within the window. Two range queries on the tenant's partition: open breaches (<c>b|</c>) and
/// breach timers due by now + within (<c>t|</c>, keyed by due time). It also lists the streams whose
/// surge is open (<c>g|</c> rows), with the case that fired each and the measures recommended.
/// </summary>
internal static class AtRiskEndpoints
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxWithin = TimeSpan.FromDays(31);

    public static void MapAtRisk(this WebApplication app) =>
        app.MapGet("/api/sla/at-risk", GetAsync).RequireAuthorization(Policies.ReadCases);

    /// <summary>Reads an ISO 8601 duration (<c>PT1H</c>, <c>P2D</c>) of more than zero and at most 31 days.</summary>
    public static bool TryParseWithin(string? text, out TimeSpan within)
    {
        within = DefaultWithin;
        if (text is null)
        {
            return true;
        }

        try
        {
            // XmlConvert reads xs:duration, the ISO 8601 duration format; it also takes years and
            // months, which have no fixed length, so those are refused.
            within = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }

        var date = text.Split('T')[0];
        return !date.Contains('Y', StringComparison.Ordinal) && !date.Contains('M', StringComparison.Ordinal) && within > TimeSpan.Zero && within <= MaxWithin;
    }

    internal static async Task<IResult> GetAsync(HttpContext context, CaseStore cases, SurgeStore surges, TimeProvider time, CancellationToken cancellationToken, string? within = null)
    {
        if (!TryParseWithin(within, out var window))
        {
            return Problems.Validation([new ValidationError("within", "must be an ISO 8601 duration in days, hours, minutes or seconds (e.g. PT1H), above zero and at most P31D")]);
        }

        var tenant = Caller.From(context.User).Tenant;
        var now = time.GetUtcNow();
        var breaches = await cases.OpenBreachesAsync(tenant, cancellationToken);
        var due = await cases.BreachTimersDueByAsync(tenant, now + window, cancellationToken);
        var items = breaches
            .Select(b => new AtRiskItem(b.CaseId, b.Stage.ToId(), b.Deadline, "breached", b.Deadline - now))
            .Concat(due.Select(t => new AtRiskItem(t.CaseId, t.Stage.ToId(), t.Deadline, Status(t, now), t.Deadline - now)))
            .OrderBy(i => i.Deadline)
            .ThenBy(i => i.CaseId, StringComparer.Ordinal)
            .ToList();
        var open = (await surges.OpenSurgesAsync(tenant, cancellationToken))
            .Select(s => new AtRiskSurge(s.Stream, s.Surge.FiredBy, SurgeTracker.EventIdFor(s.Surge.FiredBy, s.Stream), s.Surge.FiredAt, s.Fired?.WindowCount, s.Fired?.Expected, s.Fired?.PValue, SurgeMeasures.Recommended))
            .OrderBy(s => s.FiredAt)
            .ToList();
        return TypedResults.Ok(new AtRiskView(now, XmlConvert.ToString(window), items, open));
    }

    /// <summary>Past the deadline but not yet recorded (the timer is about to fire), past the warning instant, or only due soon.</summary>
    private static string Status(SlaIndexEntry timer, DateTimeOffset now) =>
        timer.Deadline <= now ? "overdue" : timer.WarningAt <= now ? "warning" : "due-soon";

    internal sealed record AtRiskView(DateTimeOffset AsOf, string Within, IReadOnlyList<AtRiskItem> Items, IReadOnlyList<AtRiskSurge> Surges);

    /// <summary>A stream whose surge is open: the case that fired it, its <c>incident-surge</c> event, and the figures it fired with.</summary>
    internal sealed record AtRiskSurge(
        string Stream, string CaseId, string EventId, DateTimeOffset FiredAt, int? WindowCount, double? Expected, double? PValue, IReadOnlyList<string> RecommendedMeasures);

    /// <summary>One stage at risk; the margin is negative once the deadline passed.</summary>
    internal sealed record AtRiskItem(string CaseId, string Stage, DateTimeOffset? Deadline, string Status, TimeSpan? Margin);
}
