using TakedownFn.Domain.Retention;

namespace TakedownFn.Domain.Tests.Retention;

public sealed class LegalHoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static (string, string, DateTimeOffset, string) Preserved(string id, int minutes, bool? hold) =>
        (id, "evidence-preserved", T0.AddMinutes(minutes), hold is { } on ? """{"kind":"evidence-preserved","evidence":{"contentHash":"x","legalHold":""" + (on ? "true" : "false") + "}}" : """{"kind":"evidence-preserved","evidence":{"contentHash":"x"}}""");

    [Fact]
    public void Current_HoldSetThenKeptByALaterRecord_IsTheFirstStepThatSetIt()
    {
        var hold = LegalHold.Current([Preserved("a", 0, false), Preserved("b", 1, true), ("c", "content-removed", T0.AddMinutes(2), "{}"), Preserved("d", 3, true)]);

        Assert.Equal(new LegalHold("b", T0.AddMinutes(1)), hold);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Current_LaterPreservationWithoutTheHold_ReleasesIt(bool? release)
    {
        Assert.Null(LegalHold.Current([Preserved("a", 0, true), Preserved("b", 1, release)]));
    }

    [Fact]
    public void Current_HoldFlagOnAnotherKindOrUnreadableDetails_SetsNothing()
    {
        Assert.Null(LegalHold.Current([("a", "correction", T0, """{"evidence":{"legalHold":true}}"""), ("b", "evidence-preserved", T0, "not json")]));
    }
}
