namespace TakedownFn.Domain.Severity;

using Kinds = TakedownFn.Domain.Detection.PersonalDataKinds;
using static TakedownFn.Domain.Notices.Categories;

public static partial class SeverityAssessor
{
    private const int MediumFrom = 3;
    private const int HighFrom = 6;
    private const int CriticalFrom = 9;
    private const int HighlySensitiveWeight = 3;
    private const int CombinedWeight = 2;

    private static readonly (int Threshold, int Weight)[] ItemSteps = [(10, 1), (50, 2), (200, 3)];
    private static readonly (int Threshold, int Weight)[] PlatformSteps = [(2, 1), (5, 2)];
    private static readonly (int Threshold, int Weight)[] RepostSteps = [(100, 1), (1_000, 2), (10_000, 3)];

    /// <summary>
    /// The CAC notice singles out ID numbers, home addresses, phone numbers and medical data as
    /// highly sensitive; the paper adds private conversations. Intimate imagery weighs the same.
    /// Financial accounts (PIPL Art. 28) and passports identify a person almost as well; an e-mail
    /// address or a plate leads to one. A credit code names an organisation, not a person: it weighs nothing.
    /// </summary>
    private static int SensitivityWeight(string kind) => kind switch
    {
        IdNumber or HomeAddress or Phone or Medical or PrivateMessages or IntimateImagery => HighlySensitiveWeight,
        Photos or Kinds.BankCard or Kinds.Passport => 2,
        OtherPersonalInfo or Privacy or Kinds.Email or Kinds.LicencePlate => 1,
        _ => 0,
    };

    private static int HarmWeight(Harm harm) => harm switch
    {
        Harm.Threats or Harm.OfflineContact or Harm.SelfHarmRisk => 3,
        _ => 2,
    };

    private static SeverityLevel HarmFloor(Harm harm) => harm switch
    {
        Harm.SelfHarmRisk => SeverityLevel.Critical,
        Harm.Threats or Harm.OfflineContact => SeverityLevel.High,
        _ => SeverityLevel.Low,
    };

    private static int MaliceWeight(MaliceSign sign) => sign == MaliceSign.RepeatOffender ? 1 : 2;
}
