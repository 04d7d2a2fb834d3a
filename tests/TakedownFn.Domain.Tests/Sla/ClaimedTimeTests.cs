using Microsoft.Extensions.Time.Testing;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Domain.Tests.Sla;

public class ClaimedTimeTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, ClaimedTimeVerdict.Plausible)]
    [InlineData(-4 * 60, ClaimedTimeVerdict.Plausible)] // exactly at receipt
    [InlineData(-4 * 60 - 1, ClaimedTimeVerdict.BeforeReceipt)]
    [InlineData(2, ClaimedTimeVerdict.Plausible)] // within 2 minutes of skew
    [InlineData(3, ClaimedTimeVerdict.InFuture)]
    public void Check_ClaimedMinutesFromServerNow_Verdict(int minutes, ClaimedTimeVerdict expected)
    {
        var clock = new FakeTimeProvider(Now);

        Assert.Equal(expected, ClaimedTime.Check(Now.AddMinutes(minutes), Received, clock, TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Check_NegativeTolerance_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClaimedTime.Check(Now, Received, new FakeTimeProvider(Now), TimeSpan.FromSeconds(-1)));
    }
}
