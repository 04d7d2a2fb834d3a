using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Severity;
using TakedownFn.Domain.Validation;
using static TakedownFn.Domain.Tests.Notices.TestNotices;

namespace TakedownFn.Domain.Tests.Notices;

public class NoticeIntakeTests
{
    private static string[] FieldsOf(ParseResult<Notice> result) => result.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static void AssertOnlyField(ParseResult<Notice> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Equal([field], FieldsOf(result));
    }

    [Fact]
    public void Parse_CompleteSubmission_ReturnsNoticeWithSubmittedValues()
    {
        var result = NoticeIntake.Parse(CompleteSubmission(), Now);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var notice = result.Value;
        Assert.Equal("us-dmca", notice.Regime);
        Assert.Equal("copyright", notice.Category);
        Assert.Equal(new Uri("https://video.example.com/watch?v=abc123"), Assert.Single(notice.Items).Url);
        Assert.Equal(NotifierRole.RightHolder, notice.Notifier?.Role);
        Assert.Equal("jane.roe@example.org", notice.Notifier?.Contact.Email);
        Assert.True(notice.Declarations.AuthorityUnderPenaltyOfPerjury);
        Assert.Equal("PR-2025-000123", notice.PlatformReference);
        Assert.Equal(Now.AddHours(-1), notice.ReceivedAt);
    }

    [Fact]
    public void Parse_NullBody_ReportsRoot()
    {
        var result = NoticeIntake.Parse(null, Now);

        AssertOnlyField(result, "$");
    }

    [Fact]
    public void Parse_EmptySubmission_ReportsEveryRequiredFieldAtOnce()
    {
        var result = NoticeIntake.Parse(new NoticeSubmission(), Now);

        Assert.False(result.IsValid);
        Assert.Equal(["category", "items", "platformReference", "receivedAt", "regime"], FieldsOf(result));
    }

    [Theory]
    [InlineData("regime")]
    [InlineData("category")]
    [InlineData("items")]
    [InlineData("platformReference")]
    [InlineData("receivedAt")]
    public void Parse_RequiredFieldMissing_ReportsThatField(string field)
    {
        var s = CompleteSubmission();
        s = field switch
        {
            "regime" => s with { Regime = null },
            "category" => s with { Category = "  " },
            "items" => s with { Items = null },
            "platformReference" => s with { PlatformReference = "" },
            "receivedAt" => s with { ReceivedAt = null },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        AssertOnlyField(NoticeIntake.Parse(s, Now), field);
    }

    [Fact]
    public void Parse_OptionalPartsAbsent_IsWellFormed()
    {
        var s = CompleteSubmission() with
        {
            Notifier = null, Explanation = null, Evidence = null, Declarations = null, Signature = "   ", Severity = null,
        };

        var result = NoticeIntake.Parse(s, Now);

        Assert.True(result.IsValid);
        Assert.Null(result.Value.Signature);
        Assert.Equal(Declarations.None, result.Value.Declarations);
    }

    [Theory]
    [InlineData("uk-osa")]
    [InlineData("US-DMCA")]
    [InlineData("dmca")]
    public void Parse_UnknownRegime_ReportsRegimeOnly(string regime)
    {
        AssertOnlyField(NoticeIntake.Parse(CompleteSubmission() with { Regime = regime }, Now), "regime");
    }

    [Theory]
    [InlineData("us-dmca", "id-number")]
    [InlineData("cn-personal-info", "copyright")]
    [InlineData("eu-dsa-16", "manifestly-unlawful")]
    [InlineData("de-netzdg", "Unlawful")]
    public void Parse_CategoryOfAnotherRegime_ReportsCategory(string regime, string category)
    {
        AssertOnlyField(NoticeIntake.Parse(CompleteSubmission(regime, category), Now), "category");
    }

    [Theory]
    [InlineData("cn-personal-info", "id-number")]
    [InlineData("cn-personal-info", "private-messages")]
    [InlineData("cn-copyright", "copyright")]
    [InlineData("cn-civil-code-1195", "reputation")]
    [InlineData("eu-dsa-16", "csam")]
    [InlineData("eu-dsa-16", "cyber-violence")]
    [InlineData("de-netzdg", "manifestly-unlawful")]
    [InlineData("in-it-rules", "impersonation")]
    [InlineData("au-osa", "intimate-image")]
    public void Parse_CategoryOfItsRegime_IsWellFormed(string regime, string category)
    {
        Assert.True(NoticeIntake.Parse(CompleteSubmission(regime, category), Now).IsValid);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void Parse_ItemCount_OnlyOneToOneThousandAccepted(int count, bool valid)
    {
        var result = NoticeIntake.Parse(CompleteSubmission() with { Items = UrlItems(count) }, Now);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertOnlyField(result, "items");
        }
    }

    [Theory]
    [InlineData("ftp://files.example.com/a.mp4")]
    [InlineData("/watch?v=abc")]
    [InlineData("video.example.com/watch")]
    [InlineData("not a url")]
    [InlineData("https://")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("https://video.example.com/watch?v=a b")]
    [InlineData("file:///etc/passwd")]
    public void Parse_InvalidUrl_ReportsItemUrl(string url)
    {
        var s = CompleteSubmission() with { Items = [.. UrlItems(3), new ReportedItemSubmission { Url = url }] };

        AssertOnlyField(NoticeIntake.Parse(s, Now), "items[3].url");
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://例子.测试/帖子/123?楼=5")]
    [InlineData("https://example.com:8443/a/b#comment-7")]
    [InlineData("HTTPS://EXAMPLE.COM/A")]
    public void Parse_AbsoluteHttpUrl_IsAccepted(string url)
    {
        var s = CompleteSubmission() with { Items = [new ReportedItemSubmission { Url = url }] };

        Assert.True(NoticeIntake.Parse(s, Now).IsValid);
    }

    [Theory]
    [InlineData("https://a.example/x", "post-1")]
    [InlineData(null, null)]
    public void Parse_ItemWithBothOrNeitherLocator_ReportsItem(string? url, string? contentId)
    {
        var s = CompleteSubmission() with { Items = [new ReportedItemSubmission { Url = url, ContentId = contentId }] };

        AssertOnlyField(NoticeIntake.Parse(s, Now), "items[0]");
    }

    [Fact]
    public void Parse_NullItem_ReportsItem()
    {
        var s = CompleteSubmission() with { Items = [UrlItems(1)[0], null] };

        AssertOnlyField(NoticeIntake.Parse(s, Now), "items[1]");
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Parse_ContentIdLength_LimitIs256(int length, bool valid)
    {
        var s = CompleteSubmission() with { Items = [new ReportedItemSubmission { ContentId = new string('7', length) }] };

        var result = NoticeIntake.Parse(s, Now);

        Assert.Equal(valid, result.IsValid);
        if (valid)
        {
            Assert.False(Assert.Single(result.Value!.Items).IsUrl);
        }
        else
        {
            AssertOnlyField(result, "items[0].contentId");
        }
    }

    [Theory]
    [InlineData("items[0].contentId", "post\u0000123")]
    [InlineData("items[0].contentId", "post\n123")]
    [InlineData("items[0].contentId", "   ")]
    [InlineData("platformReference", "PR\t1")]
    [InlineData("platformReference", "PR\u20281")]
    [InlineData("platformReference", "PR\u007f")]
    [InlineData("notifier.name", "Jane\rRoe")]
    [InlineData("notifier.contact.email", "jane\u0085@example.org")]
    [InlineData("signature", "/Jane\u001b[31m Roe/")]
    [InlineData("explanation", "copied\u0007 work")]
    [InlineData("notifier.contact.postalAddress", "12 Harbour St\u0000")]
    [InlineData("evidence[0]", "https://evidence.example.org/\u0001")]
    public void Parse_ControlCharacterOrBrokenText_ReportsField(string field, string value)
    {
        AssertOnlyField(NoticeIntake.Parse(With(field, value), Now), field);
    }

    [Fact]
    public void Parse_UnpairedSurrogate_ReportsField()
    {
        // Built at run time: attribute metadata cannot carry a lone surrogate.
        var broken = "PR-" + (char)0xD800;

        AssertOnlyField(NoticeIntake.Parse(With("platformReference", broken), Now), "platformReference");
    }

    [Fact]
    public void Parse_LineBreaksInFreeText_AreAccepted()
    {
        var s = CompleteSubmission() with { Explanation = "Line one.\r\nLine two.\n\tIndented." };

        Assert.True(NoticeIntake.Parse(s, Now).IsValid);
    }

    [Theory]
    [InlineData("explanation", 10_000)]
    [InlineData("platformReference", 256)]
    [InlineData("notifier.name", 200)]
    [InlineData("signature", 256)]
    [InlineData("notifier.contact.postalAddress", 1_000)]
    [InlineData("evidence[0]", 4_096)]
    public void Parse_StringAtAndOverLimit_OnlyOverLimitReported(string field, int max)
    {
        Assert.True(NoticeIntake.Parse(With(field, new string('x', max)), Now).IsValid);
        AssertOnlyField(NoticeIntake.Parse(With(field, new string('x', max + 1)), Now), field);
    }

    [Theory]
    [InlineData("jane.roe")]
    [InlineData("jane@")]
    [InlineData("@example.org")]
    [InlineData("jane@localhost")]
    [InlineData("jane roe@example.org")]
    public void Parse_MalformedEmail_ReportsEmail(string email)
    {
        AssertOnlyField(NoticeIntake.Parse(With("notifier.contact.email", email), Now), "notifier.contact.email");
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("+86 138 0013 8000 ext 5")]
    [InlineData("555-CALL-NOW")]
    [InlineData("1+5550104477")]
    [InlineData("1234567890123456")]
    public void Parse_MalformedPhone_ReportsPhone(string phone)
    {
        AssertOnlyField(NoticeIntake.Parse(With("notifier.contact.phone", phone), Now), "notifier.contact.phone");
    }

    [Theory]
    [InlineData("Victim")]
    [InlineData("lawyer")]
    public void Parse_UnknownRole_ReportsRole(string role)
    {
        AssertOnlyField(NoticeIntake.Parse(With("notifier.role", role), Now), "notifier.role");
    }

    [Theory]
    [InlineData(-30 * 60, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(24 * 60 * 60, false)]
    public void Parse_ReceivedAt_AfterAcceptanceRejected(int secondsFromNow, bool valid)
    {
        var result = NoticeIntake.Parse(CompleteSubmission() with { ReceivedAt = Now.AddSeconds(secondsFromNow) }, Now);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            AssertOnlyField(result, "receivedAt");
        }
    }

    [Fact]
    public void Parse_SeverityInputs_AreParsedAndDeduplicated()
    {
        var s = CompleteSubmission(Regimes.CnPersonalInfo, Categories.IdNumber) with
        {
            Severity = new SeverityInputsSubmission
            {
                PlatformCount = 3,
                RepostCount = 0,
                ExposedData = ["home-address", "phone", "home-address"],
                Harms = ["threats", "job-loss"],
                MaliceSigns = ["doxxing-intent"],
            },
        };

        var severity = NoticeIntake.Parse(s, Now).Value!.Severity;

        Assert.Equal(3, severity.PlatformCount);
        Assert.Equal(["home-address", "phone"], severity.ExposedData);
        Assert.Equal([Harm.Threats, Harm.JobLoss], severity.Harms);
        Assert.Equal([MaliceSign.DoxxingIntent], severity.MaliceSigns);
    }

    [Fact]
    public void Parse_BadSeverityInputs_ReportsEachBadEntry()
    {
        var s = CompleteSubmission() with
        {
            Severity = new SeverityInputsSubmission
            {
                PlatformCount = -1,
                RepostCount = -5,
                ExposedData = ["phone", "bank-account"],
                Harms = ["harassment", null, "Threats"],
                MaliceSigns = ["revenge"],
            },
        };

        var result = NoticeIntake.Parse(s, Now);

        Assert.Equal(
            ["severity.exposedData[1]", "severity.harms[1]", "severity.harms[2]", "severity.maliceSigns[0]", "severity.platformCount", "severity.repostCount"],
            FieldsOf(result));
    }

    [Fact]
    public void Parse_ManyBadFields_ReportsAllOfThem()
    {
        var s = CompleteSubmission() with
        {
            Regime = "us-dcma",
            Items = [new ReportedItemSubmission { Url = "ftp://x" }, new ReportedItemSubmission { ContentId = "ok-1" }, new ReportedItemSubmission()],
            Notifier = new NotifierSubmission { Name = "Jane\u0000", Role = "boss", Contact = new ContactSubmission { Email = "nope" } },
            Explanation = new string('a', 10_001),
            PlatformReference = null,
            ReceivedAt = Now.AddDays(1),
        };

        var result = NoticeIntake.Parse(s, Now);

        Assert.Equal(
            ["explanation", "items[0].url", "items[2]", "notifier.contact.email", "notifier.name", "notifier.role", "platformReference", "receivedAt", "regime"],
            FieldsOf(result));
    }

    [Fact]
    public void Parse_ErrorsAboutPersonalFields_NeverRepeatTheSubmittedValues()
    {
        const string idNumber = "11010519491231002X";
        var s = CompleteSubmission(Regimes.CnPersonalInfo, Categories.IdNumber) with
        {
            Items =
            [
                new ReportedItemSubmission { Url = "https://forum.example.cn/post?who=Zhang Wei&id=" + idNumber },
                new ReportedItemSubmission { ContentId = "Zhang Wei " + idNumber + "\u0007" },
            ],
            Notifier = new NotifierSubmission
            {
                Name = "Zhang Wei\u0000" + idNumber,
                Role = "Zhang Wei",
                Contact = new ContactSubmission
                {
                    Email = "zhang wei@example.cn",
                    Phone = "138 0013 8000 Zhang",
                    PostalAddress = "Chaoyang Jianguo Road 88\u0001" + new string('x', 1_000),
                },
            },
            Explanation = "Zhang Wei lives at Jianguo Road 88, ID " + idNumber + new string('.', 10_000),
            Evidence = ["Zhang Wei\u0002"],
            Signature = "Zhang Wei\n",
            PlatformReference = "Zhang Wei\u0003",
        };

        var result = NoticeIntake.Parse(s, Now);

        Assert.True(result.Errors.Count >= 10, string.Join("; ", result.Errors));
        foreach (var error in result.Errors)
        {
            foreach (var secret in new[] { "Zhang", "Wei", idNumber, "Jianguo", "0013", "example.cn" })
            {
                Assert.DoesNotContain(secret, error.Message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, error.Field, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static NoticeSubmission With(string field, string value)
    {
        var s = CompleteSubmission();
        var notifier = s.Notifier!;
        var contact = notifier.Contact!;
        return field switch
        {
            "items[0].contentId" => s with { Items = [new ReportedItemSubmission { ContentId = value }] },
            "platformReference" => s with { PlatformReference = value },
            "signature" => s with { Signature = value },
            "explanation" => s with { Explanation = value },
            "evidence[0]" => s with { Evidence = [value] },
            "notifier.name" => s with { Notifier = notifier with { Name = value } },
            "notifier.role" => s with { Notifier = notifier with { Role = value } },
            "notifier.contact.email" => s with { Notifier = notifier with { Contact = contact with { Email = value } } },
            "notifier.contact.phone" => s with { Notifier = notifier with { Contact = contact with { Phone = value } } },
            "notifier.contact.postalAddress" => s with { Notifier = notifier with { Contact = contact with { PostalAddress = value } } },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }
}
