using TakedownFn.Domain.Reports;

namespace TakedownFn.Domain.Tests.Reports;

public class DurationHistogramTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(99)]
    public void Percentile_SpreadOfDurations_WithinOnePercentOfExact(double percentile)
    {
        var values = Enumerable.Range(1, 5000).Select(i => TimeSpan.FromMilliseconds(Math.Floor(1000 * Math.Pow(1.003, i)))).ToList();
        var histogram = new DurationHistogram();
        foreach (var v in values)
        {
            histogram.Add(v);
        }

        var exact = ExactPercentile.Of(values.Order().ToList(), percentile)!.Value;
        Assert.InRange(ExactPercentile.RelativeError(histogram.Percentile(percentile)!.Value, exact), 0, DurationHistogram.RelativeErrorBound);
        Assert.InRange(ExactPercentile.RelativeError(histogram.Max!.Value, values.Max()), 0, DurationHistogram.RelativeErrorBound);
    }

    [Fact]
    public void Merge_AddThenSubtract_LeavesTheOriginal()
    {
        var a = new DurationHistogram();
        a.Add(TimeSpan.FromMinutes(30));
        a.Add(TimeSpan.FromHours(2));
        var b = new DurationHistogram();
        b.Add(TimeSpan.FromMinutes(30));
        b.Add(TimeSpan.FromDays(3));

        var sum = a.Clone();
        sum.Merge(b);
        Assert.Equal(4, sum.Count);
        sum.Merge(b, -1);

        Assert.Equal(a.Buckets, sum.Buckets);
        Assert.Null(new DurationHistogram().Percentile(50));
    }
}
