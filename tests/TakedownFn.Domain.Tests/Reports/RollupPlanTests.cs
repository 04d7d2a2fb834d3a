using TakedownFn.Domain.Reports;

namespace TakedownFn.Domain.Tests.Reports;

public class RollupPlanTests
{
    private static readonly DateTimeOffset October = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_UtcQuarterByMonth_DaysOnly()
    {
        var plan = RollupPlan.For(Query("2026-10-01", "2027-01-01", "UTC", "month"));

        Assert.Equal(92, plan.Days.Count);
        Assert.Empty(plan.HourSpans);
    }

    [Fact]
    public void For_PeriodCutInsideDays_EdgesFromHours()
    {
        var plan = RollupPlan.For(October.AddHours(5), October.AddDays(3).AddHours(2));

        Assert.Equal([October.AddDays(1), October.AddDays(2)], plan.Days);
        Assert.Equal([(October.AddHours(5), October.AddDays(1)), (October.AddDays(3), October.AddDays(3).AddHours(2))], plan.HourSpans);
    }

    [Fact]
    public void For_LocalDaysOffUtc_HoursOnly()
    {
        // Shanghai's days start at 16:00 UTC: no UTC day lies inside one of them.
        var query = Query("2026-10-01", "2026-10-08", "Asia/Shanghai", "day");
        var plan = RollupPlan.For(query);

        Assert.Empty(plan.Days);
        Assert.Equal([(query.From, query.To)], plan.HourSpans);
    }

    [Fact]
    public void For_LocalMonthBoundary_ThatDayFromHours()
    {
        // Berlin's November starts at 2026-10-31T23:00Z: the UTC day 10-31 holds hours of two months.
        var plan = RollupPlan.For(Query("2026-10-30T00:00:00Z", "2026-11-03T00:00:00Z", "Europe/Berlin", "month"));

        Assert.Equal([October.AddDays(29), October.AddDays(31), October.AddDays(32)], plan.Days);
        Assert.Equal([(October.AddDays(30), October.AddDays(31))], plan.HourSpans);
    }

    [Fact]
    public void For_AnyPlan_CoversEveryHourOnce()
    {
        var query = Query("2026-10-03T07:00:00Z", "2026-12-02T13:00:00Z", "America/New_York", "week");
        var plan = RollupPlan.For(query);

        var hours = plan.Days.SelectMany(d => Enumerable.Range(0, 24).Select(h => d.AddHours(h)))
            .Concat(plan.HourSpans.SelectMany(s => Enumerable.Range(0, (int)(s.To - s.From).TotalHours).Select(h => s.From.AddHours(h))))
            .Order().ToList();
        Assert.Equal(Enumerable.Range(0, (int)(query.To - query.From).TotalHours).Select(h => query.From.AddHours(h)), hours);
        Assert.All(plan.Days, d => Assert.Equal(query.BucketOf(d, "week"), query.BucketOf(d.AddHours(23), "week")));
    }

    private static SlaReportQuery Query(string from, string to, string tz, string groupBy) =>
        SlaReportQuery.Parse(from, to, tz, groupBy).Query ?? throw new ArgumentException("bad query");
}
