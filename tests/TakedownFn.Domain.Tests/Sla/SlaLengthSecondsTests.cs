using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class SlaLengthSecondsTests
{
    [Theory]
    [InlineData(3600, DurationUnit.Hours, 1, true)]
    [InlineData(3601, DurationUnit.Hours, 1, false)]
    [InlineData(82_800, DurationUnit.CalendarDays, 1, true)] // 23 h: the shortest local day
    [InlineData(82_801, DurationUnit.CalendarDays, 1, false)]
    [InlineData(5, DurationUnit.BusinessDays, 10, true)]
    public void IsSurelyNoLongerThan_SecondsAgainstLongerUnits_ComparesExactlyOrOnTheShortestDay(int seconds, DurationUnit unit, int amount, bool expected)
    {
        Assert.Equal(expected, new SlaLength(seconds, DurationUnit.Seconds).IsSurelyNoLongerThan(new SlaLength(amount, unit)));
    }

    [Theory]
    [InlineData(1, DurationUnit.Hours, 3600, true)]
    [InlineData(1, DurationUnit.Hours, 3601, false)]
    [InlineData(1, DurationUnit.CalendarDays, 82_800, true)]
    public void IsSurelyNoShorterThan_LongerUnitsAgainstSeconds_Compares(int amount, DurationUnit unit, int seconds, bool expected)
    {
        Assert.Equal(expected, new SlaLength(amount, unit).IsSurelyNoShorterThan(new SlaLength(seconds, DurationUnit.Seconds)));
    }

    [Fact]
    public void Add_Seconds_AreElapsedSecondsAcrossADstChange()
    {
        var berlin = CalendarCatalog.Shipped.Get("de");
        // 30 March 2025, 00:59:58 UTC: clocks in Germany spring forward at 01:00 UTC.
        var start = new DateTimeOffset(2025, 3, 30, 0, 59, 58, TimeSpan.Zero);

        Assert.Equal(start.AddSeconds(5), berlin.Add(start, new SlaLength(5, DurationUnit.Seconds)));
    }

    [Fact]
    public void WireId_Seconds_IsSeconds()
    {
        Assert.Equal("seconds", DurationUnit.Seconds.ToId());
        Assert.True(SlaWireIds.TryParse("seconds", out DurationUnit unit));
        Assert.Equal(DurationUnit.Seconds, unit);
    }
}
