using TakedownFn.Domain.Detection;

namespace TakedownFn.Domain.Tests.Detection;

/// <summary>
/// The detector against real-shaped, fake data. ID numbers were built with the GB 11643 check, cards
/// with Luhn, credit codes with the GB 32100 check; none belongs to anyone.
/// </summary>
public sealed class PersonalDataDetectorTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static IReadOnlyList<Finding> Detect(string text) => PersonalDataDetector.Detect(text, Today);

    private static string Kinds(string text) => string.Join(",", Detect(text).Select(f => f.Kind));

    [Theory]
    [InlineData("身份证号11010519491231002X，住址不详", "11010519491231002X")]
    [InlineData("id: 11010519491231002x.", "11010519491231002X")]
    [InlineData("44030519900101123X", "44030519900101123X")]
    [InlineData("他的身份证 310115200012294560 已经传开", "310115200012294560")]
    [InlineData("born on a leap day: 510107200802290035", "510107200802290035")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("110105 19491231 002X", "11010519491231002X")]
    [InlineData("110105-19491231-002X", "11010519491231002X")]
    [InlineData("旧身份证110105491231002", "110105491231002")]
    public void Detect_ValidIdNumber_FindsItNormalised(string text, string expected)
    {
        var finding = Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.IdNumber);
        Assert.Equal(expected, finding.Value);
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("110105194902300020")] // 30 February
    [InlineData("110105202612310017")] // born after today
    [InlineData("110105185001010013")] // born before 1900
    [InlineData("990105194912310023")] // no province 99
    [InlineData("000000194912310018")] // no region
    [InlineData("911010519491231002X")] // a valid number inside a longer run
    [InlineData("11010519491231002X7")]
    [InlineData("A11010519491231002X")]
    [InlineData("110105491331002")] // old form, month 13
    public void Detect_InvalidOrEmbeddedIdNumber_FindsNoIdNumber(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.IdNumber);

    [Fact]
    public void Detect_IdNumber_RecordsPositionOfTheOriginalCharacters()
    {
        const string text = "开盒：张某 110105 19491231 002X 手机";
        var finding = Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.IdNumber);
        Assert.Equal(text.IndexOf("110105", StringComparison.Ordinal), finding.Start);
        Assert.Equal("110105 19491231 002X".Length, finding.Length);
    }

    [Theory]
    [InlineData("手机13812345678", "+8613812345678")]
    [InlineData("电话：138 1234 5678", "+8613812345678")]
    [InlineData("call +86 139-1234-5678 now", "+8613912345678")]
    [InlineData("１３８１２３４５６７８", "+8613812345678")]
    [InlineData("座机 010-65529988", "+861065529988")]
    [InlineData("(0755) 8601 3388", "+8675586013388")]
    public void Detect_Phone_FindsItInE164(string text, string expected)
    {
        var finding = Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.Phone);
        Assert.Equal(expected, finding.Value);
    }

    [Theory]
    [InlineData("订单号9913812345678")] // inside a longer digit run
    [InlineData("138123456789")] // twelve digits
    [InlineData("12345678901")] // no such mobile prefix
    [InlineData("版本 1.3.8")]
    public void Detect_NotAPhone_FindsNoPhone(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.Phone);

    [Fact]
    public void Detect_TwoPhonesSeparatedBySpace_FindsBoth()
    {
        var phones = Detect("13812345678 13912345678").Where(f => f.Kind == PersonalDataKinds.Phone).Select(f => f.Value).ToList();
        Assert.Equal(["+8613812345678", "+8613912345678"], phones);
    }

    [Theory]
    [InlineData("卡号6222021234567890128", "6222021234567890128")]
    [InlineData("6228 4800 1234 5671", "6228480012345671")]
    [InlineData("visa 4111-1111-1111-1111", "4111111111111111")]
    public void Detect_CardNumber_FindsIt(string text, string expected)
    {
        var finding = Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.BankCard);
        Assert.Equal(expected, finding.Value);
    }

    [Theory]
    [InlineData("6222021234567890127")] // Luhn fails
    [InlineData("1234567890123452")] // Luhn passes, no card issuer starts with 1
    [InlineData("96222021234567890128")] // inside a longer run
    public void Detect_NotACard_FindsNoCard(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.BankCard);

    [Theory]
    [InlineData("统一社会信用代码91350100M000100Y43", true)]
    [InlineData("91110108MA01ABCDEN", true)]
    [InlineData("91350100M000100Y44", false)] // wrong check character
    [InlineData("91350100M000100Y4", false)] // too short
    public void Detect_CreditCode_ChecksTheCheckCharacter(string text, bool found) =>
        Assert.Equal(found, Detect(text).Any(f => f.Kind == PersonalDataKinds.CreditCode));

    [Theory]
    [InlineData("邮箱 Zhang.San1990@Example.com 。", "zhang.san1990@example.com")]
    [InlineData("qq邮箱13812345678@qq.com", "13812345678@qq.com")]
    public void Detect_Email_FindsItLowerCase(string text, string expected)
    {
        var findings = Detect(text);
        Assert.Equal(expected, Assert.Single(findings, f => f.Kind == PersonalDataKinds.Email).Value);
        Assert.DoesNotContain(findings, f => f.Kind == PersonalDataKinds.Phone); // its digits are the address's, not a phone of their own
    }

    [Theory]
    [InlineData("车牌京A12345", "京A12345")]
    [InlineData("粤B·D12345", "粤BD12345")]
    [InlineData("沪AD12345", "沪AD12345")]
    [InlineData("苏E 12345F", "苏E12345F")]
    public void Detect_LicencePlate_FindsIt(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.LicencePlate).Value);

    [Theory]
    [InlineData("京I12345")] // no office letter I
    [InlineData("京A1234")] // too short
    [InlineData("京A1234567")] // too long
    public void Detect_NotAPlate_FindsNoPlate(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.LicencePlate);

    [Theory]
    [InlineData("护照号E12345678", "E12345678")]
    [InlineData("passport ea1234567", "EA1234567")]
    [InlineData("G12345678", "G12345678")]
    public void Detect_Passport_FindsIt(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.Passport).Value);

    [Theory]
    [InlineData("EO1234567")]
    [InlineData("X12345678")]
    [InlineData("E123456789")]
    public void Detect_NotAPassport_FindsNoPassport(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.Passport);

    [Theory]
    [InlineData("她家住北京市朝阳区建国路88号3号楼2单元501室，快去")]
    [InlineData("广东省深圳市南山区科技园路1号5栋1203室")]
    [InlineData("地址：杭州市西湖区文三路100号华星小区2幢3单元")]
    public void Detect_HomeAddress_FindsIt(string text) =>
        Assert.Single(Detect(text), f => f.Kind == PersonalDataKinds.HomeAddress);

    [Theory]
    [InlineData("北京市朝阳区是个好地方")] // no street, no door
    [InlineData("建国路88号")] // no city or district, no building, unit or room
    [InlineData("北京市朝阳区建国路88号")] // the street, but not which door
    public void Detect_NotAHomeAddress_FindsNoAddress(string text) =>
        Assert.DoesNotContain(Detect(text), f => f.Kind == PersonalDataKinds.HomeAddress);

    [Theory]
    [InlineData("附上他的病历和诊断证明", "medical,medical")]
    [InlineData("这是她的微信聊天记录截图", "private-messages")]
    [InlineData("今天天气很好", "")]
    public void Detect_Markers_FindsThemWithoutValues(string text, string expected)
    {
        Assert.Equal(expected, Kinds(text));
        Assert.All(Detect(text), f => Assert.Null(f.Value));
    }

    [Fact]
    public void Detect_TypicalDoxxingPost_FindsEveryKindInOrder()
    {
        const string text = "扒出来了：张某，身份证11010519491231002X，手机13812345678，住北京市朝阳区建国路88号3号楼2单元501室，车牌京A12345，邮箱zs@example.com，还有他的病历。";
        Assert.Equal("id-number,phone,home-address,licence-plate,email,medical", Kinds(text));
    }

    [Fact]
    public void Finding_ToString_NeverShowsTheValue()
    {
        var finding = Assert.Single(Detect("11010519491231002X"));
        Assert.DoesNotContain("110105", finding.ToString(), StringComparison.Ordinal);
    }
}
