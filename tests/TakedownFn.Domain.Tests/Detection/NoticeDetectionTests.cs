using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TakedownFn.Domain.Detection;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Tests.Notices;

namespace TakedownFn.Domain.Tests.Detection;

public sealed class NoticeDetectionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of thirty-two bytes!!");

    private static string Commit(string field, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(field + "\0" + value)));

    private static Notice WithItems(params ReportedItem[] items) =>
        TestNotices.Complete(Regimes.CnPersonalInfo, Categories.IdNumber) with { Items = items };

    private static ReportedItem Item(int n, string? excerpt = null, string? uploader = null, params string[] markers) =>
        ReportedItem.ForUrl(new Uri($"https://forum.example.cn/p/{n}")) with { Excerpt = excerpt, Uploader = uploader, Markers = markers };

    [Fact]
    public void Summarise_TwoItems_CountsKindsKeepsPositionsAndCommitsValues()
    {
        var notice = WithItems(
            Item(0, "身份证11010519491231002X 手机13812345678", "uploader-1"),
            Item(1, "又是他：１３８１２３４５６７８", "uploader-2", "medical"));

        var summary = NoticeDetection.Summarise(notice, Today, Commit);

        Assert.Equal(new Dictionary<string, int> { ["id-number"] = 1, ["medical"] = 1, ["phone"] = 2 }, summary.Kinds);
        var phones = summary.Findings.Where(f => f.Kind == "phone").ToList();
        Assert.Equal([0, 1], phones.Select(p => p.Item));
        Assert.Equal(phones[0].Commitment, phones[1].Commitment); // same number, full-width or not
        Assert.Equal(Commit("pii:phone", "+8613812345678"), phones[0].Commitment);
        Assert.Equal((3, 18), (summary.Findings[0].Start!.Value, summary.Findings[0].Length!.Value));
        Assert.Contains(summary.Findings, f => f is { Kind: "medical", Item: 1, Start: null, Commitment: null });
        Assert.Equal([Commit("uploader", "uploader-1"), Commit("uploader", "uploader-2")], summary.Uploaders);
        Assert.False(summary.Truncated);
    }

    [Fact]
    public void Summarise_Serialised_HoldsNoValue()
    {
        var notice = WithItems(Item(0, "11010519491231002X 13812345678 zs@example.com 京A12345")) with { VictimAccount = "victim-weibo-77" };
        var json = JsonSerializer.Serialize(NoticeDetection.Summarise(notice, Today, Commit));

        foreach (var value in new[] { "11010519491231002X", "13812345678", "zs@example.com", "A12345", "victim-weibo-77" })
        {
            Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void VictimKeys_IdNumberPhoneAndVictimAccount_ButNotEmail()
    {
        var notice = WithItems(Item(0, "11010519491231002X 13812345678 zs@example.com")) with { VictimAccount = "victim-weibo-77" };
        var keys = NoticeDetection.Summarise(notice, Today, Commit).VictimKeys().ToHashSet();

        Assert.Equal(
            new HashSet<string> { Commit("pii:id-number", "11010519491231002X"), Commit("pii:phone", "+8613812345678"), Commit("pii:victim-account", "victim-weibo-77") },
            keys);
    }

    [Fact]
    public void Summarise_ManyFindings_KeepsTheFirstAndCountsAll()
    {
        var excerpt = string.Join(" 和 ", Enumerable.Repeat("13812345678", DetectionSummary.MaxFindings + 10));
        var summary = NoticeDetection.Summarise(WithItems(Item(0, excerpt)), Today, Commit);

        Assert.Equal(DetectionSummary.MaxFindings + 10, summary.Kinds["phone"]);
        Assert.Equal(DetectionSummary.MaxFindings, summary.Findings.Count);
        Assert.True(summary.Truncated);
    }

    [Fact]
    public void HasInputs_PlainNotice_IsFalse() =>
        Assert.False(NoticeDetection.HasInputs(WithItems(Item(0))));
}
