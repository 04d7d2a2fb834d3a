using System.Text.RegularExpressions;

namespace TakedownFn.Domain.Detection;

public static partial class PersonalDataDetector
{
    /// <summary>The provinces' one-character abbreviations that begin a mainland plate (GA 36-2018).</summary>
    private const string PlateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    // RFC 5322's dot-atom, restricted to what mail providers accept; a domain with a dot and a TLD of letters.
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Province character, issuing-office letter (no I or O), optional separator dot, then 5 characters
    // (ordinary) or 6 (new energy: D/F first for small cars, last for large ones).
    [GeneratedRegex("(?<![A-Za-z0-9])[" + PlateProvinces + @"][A-HJ-NP-Z][·・. ]?(?:[DF][A-HJ-NP-Z0-9]{5}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{5})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PlatePattern();

    // An administrative part (province, city, district or county), a street or village, then at least
    // one of building, unit and room: the part that says which door, which is what makes an address a home.
    [GeneratedRegex(@"(?:[\u4e00-\u9fff]{2,3}(?:省|自治区)|[\u4e00-\u9fff]{2,4}(?:市|自治州|州|盟)|[\u4e00-\u9fff]{1,4}(?:区|县|旗))+[\u4e00-\u9fff0-9]{1,12}?(?:大街|大道|路|街|巷|胡同|村|弄)(?:[0-9]{1,5}号)?[\u4e00-\u9fffA-Za-z0-9]{0,12}?(?:(?<b>[0-9A-Za-z]{1,4}(?:号楼|栋|幢|座))|(?<u>[0-9]{1,3}单元)|(?<r>[0-9]{1,5}(?:室|房|号房)))+", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    // Words that mark medical records and chat logs in doxxing posts ("病历", "聊天记录"): a marker
    // says what kind of content is there; nothing of it is a value to commit to.
    [GeneratedRegex("病历|诊断证明|诊断书|确诊|病史|就诊记录|住院记录|处方|体检报告|化验单|检查报告|艾滋|HIV|抑郁症|精神病", RegexOptions.CultureInvariant)]
    private static partial Regex MedicalPattern();

    [GeneratedRegex("聊天记录|聊天截图|私信|私聊|微信聊天|QQ聊天", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateMessagesPattern();

    private static void AddEmails(string text, List<Finding> findings)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        foreach (var m in EmailPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(PersonalDataKinds.Email, m.Index, m.Length, text.Substring(m.Index, m.Length).ToLowerInvariant()));
        }
    }

    private static void AddPlates(string text, List<Finding> findings)
    {
        foreach (var m in PlatePattern().EnumerateMatches(text))
        {
            var plate = new string(text.AsSpan(m.Index, m.Length).ToArray().Where(c => c is not ('·' or '・' or '.' or ' ')).ToArray());
            findings.Add(new Finding(PersonalDataKinds.LicencePlate, m.Index, m.Length, plate));
        }
    }

    private static void AddAddresses(string text, List<Finding> findings)
    {
        foreach (var m in AddressPattern().EnumerateMatches(text))
        {
            // The numbers of an address (door, room) are not phone or card numbers; an overlap with
            // an ID number or a phone means the pattern swallowed one, and the number wins.
            if (!Overlaps(findings, m.Index, m.Length))
            {
                findings.Add(new Finding(PersonalDataKinds.HomeAddress, m.Index, m.Length, text.Substring(m.Index, m.Length)));
            }
        }
    }

    private static void AddMarkers(string text, List<Finding> findings)
    {
        foreach (var m in MedicalPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(PersonalDataKinds.Medical, m.Index, m.Length, null));
        }

        foreach (var m in PrivateMessagesPattern().EnumerateMatches(text))
        {
            findings.Add(new Finding(PersonalDataKinds.PrivateMessages, m.Index, m.Length, null));
        }
    }
}
