using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Tests.Notices;

namespace TakedownFn.Domain.Tests.Severity;

/// <summary>Kinds found in the excerpts weigh like reported ones, once each.</summary>
public class DetectedSeverityTests
{
    private static Notice Doxxing(string category) => TestNotices.Complete(Regimes.CnPersonalInfo, category);

    [Fact]
    public void Assess_PhotosNoticeWithDetectedIdNumber_AddsDetectedReasonAndRaisesLevel()
    {
        var without = SeverityAssessor.Assess(Doxxing(Categories.Photos));
        var with = SeverityAssessor.Assess(Doxxing(Categories.Photos), ["id-number"]);

        Assert.Equal(SeverityLevel.Low, without.Level);
        Assert.Equal(SeverityLevel.Medium, with.Level);
        Assert.Contains("detected:id-number", with.Reasons);
        Assert.Equal(without.Score + 3, with.Score);
    }

    [Fact]
    public void Assess_DetectedKindAlsoTheCategory_CountsOnce()
    {
        var reported = SeverityAssessor.Assess(Doxxing(Categories.IdNumber));
        var both = SeverityAssessor.Assess(Doxxing(Categories.IdNumber), ["id-number"]);

        Assert.Equal(reported.Score, both.Score);
        Assert.DoesNotContain("detected:id-number", both.Reasons);
    }

    [Fact]
    public void Assess_DetectedIdNumberAndPhoneAndAddress_IsCriticalWithCombined()
    {
        var result = SeverityAssessor.Assess(Doxxing(Categories.Photos), ["id-number", "phone", "home-address"]);

        // photos 2 + three highly sensitive kinds 9 + combined 2
        Assert.Equal(13, result.Score);
        Assert.Equal(SeverityLevel.Critical, result.Level);
        Assert.Contains("sensitive:combined", result.Reasons);
    }

    [Theory]
    [InlineData("bank-card", 2)]
    [InlineData("passport", 2)]
    [InlineData("email", 1)]
    [InlineData("licence-plate", 1)]
    [InlineData("credit-code", 0)]
    public void Assess_LesserDetectedKinds_WeighLess(string kind, int weight)
    {
        var baseline = SeverityAssessor.Assess(Doxxing(Categories.OtherPersonalInfo));
        Assert.Equal(baseline.Score + weight, SeverityAssessor.Assess(Doxxing(Categories.OtherPersonalInfo), [kind]).Score);
    }
}
