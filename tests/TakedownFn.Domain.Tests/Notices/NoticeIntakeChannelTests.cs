using TakedownFn.Domain.Notices;
using static TakedownFn.Domain.Tests.Notices.TestNotices;

namespace TakedownFn.Domain.Tests.Notices;

/// <summary>The complaint channel a notice arrived by, which the safe-harbour statement counts.</summary>
public class NoticeIntakeChannelTests
{
    [Theory]
    [InlineData(null, "api")]
    [InlineData("web-form", "web-form")]
    [InlineData("in-app", "in-app")]
    [InlineData("email", "email")]
    [InlineData("postal", "postal")]
    public void Parse_Channel_IsRecordedAsSentOrApiWhenOmitted(string? sent, string recorded)
    {
        var result = NoticeIntake.Parse(CompleteSubmission() with { Channel = sent }, Now);

        Assert.True(result.IsValid);
        Assert.Equal(recorded, result.Value.Channel);
    }

    [Theory]
    [InlineData("fax")]
    [InlineData("Web-Form")]
    [InlineData("")]
    public void Parse_UnknownChannel_IsRefusedNamingChannel(string sent)
    {
        var result = NoticeIntake.Parse(CompleteSubmission() with { Channel = sent }, Now);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal("channel", error.Field);
        Assert.Contains("web-form", error.Message, StringComparison.Ordinal);
    }
}
