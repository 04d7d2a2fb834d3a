using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;

namespace TakedownFn.Domain.Tests.Notices;

/// <summary>Notices and submissions that hold every element any regime asks for.</summary>
internal static class TestNotices
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static NoticeSubmission CompleteSubmission(string regime = Regimes.UsDmca, string category = Categories.Copyright) => new()
    {
        Regime = regime,
        Category = category,
        Items = [new ReportedItemSubmission { Url = "https://video.example.com/watch?v=abc123" }],
        Notifier = new NotifierSubmission
        {
            Name = "Jane Roe",
            Contact = new ContactSubmission
            {
                Email = "jane.roe@example.org",
                Phone = "+1 (555) 010-4477",
                PostalAddress = "12 Harbour Street\nSpringfield",
            },
            Role = "right-holder",
        },
        Explanation = "The video copies my documentary \"Harbour Lights\" (2021) from 00:30 to 12:10.",
        Evidence = ["https://evidence.example.org/registration/TX-123"],
        Declarations = new DeclarationsSubmission { GoodFaith = true, Accuracy = true, AuthorityUnderPenaltyOfPerjury = true },
        Signature = "/Jane Roe/",
        PlatformReference = "PR-2025-000123",
        ReceivedAt = Now.AddHours(-1),
    };

    public static Notice Complete(string regime = Regimes.UsDmca, string category = Categories.Copyright)
    {
        var result = NoticeIntake.Parse(CompleteSubmission(regime, category), Now);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Value;
    }

    public static ReportedItemSubmission[] UrlItems(int count) =>
        Enumerable.Range(0, count).Select(i => new ReportedItemSubmission { Url = $"https://forum.example.com/t/{i}" }).ToArray();
}
