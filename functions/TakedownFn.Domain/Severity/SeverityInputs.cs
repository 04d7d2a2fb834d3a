namespace TakedownFn.Domain.Severity;

/// <summary>What the notifier reports about spread, harm and malice; all optional.</summary>
/// <param name="PlatformCount">On how many platforms the content is known to appear.</param>
/// <param name="RepostCount">How many reposts were reported.</param>
/// <param name="ExposedData">Further kinds of personal information exposed, ids from <see cref="Notices.Categories.PersonalDataKinds"/>.</param>
/// <param name="Harms">Harm reported by the victim.</param>
/// <param name="MaliceSigns">Signs of the discloser's malice.</param>
public sealed record SeverityInputs(
    int? PlatformCount,
    int? RepostCount,
    IReadOnlyList<string> ExposedData,
    IReadOnlyList<Harm> Harms,
    IReadOnlyList<MaliceSign> MaliceSigns)
{
    /// <summary>Nothing reported.</summary>
    public static SeverityInputs None { get; } = new(null, null, [], [], []);
}
