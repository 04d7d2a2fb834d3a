namespace TakedownFn.Domain.Surge;

/// <summary>
/// What the service recommends against a surge, after the CAC's May 2025 notice (block the spread,
/// warn, handle reports first) and Order No. 17 Art. 7 (early warning, warning users at risk): the ids a
/// platform's <c>surge-response</c> step names in <c>measures</c>.
/// </summary>
public static class SurgeMeasures
{
    public const string RateLimitReposts = "rate-limit-reposts";
    public const string WarnUsers = "warn-users";
    public const string PrioritiseReview = "prioritise-review";

    public static IReadOnlyList<string> Recommended { get; } = [RateLimitReposts, WarnUsers, PrioritiseReview];
}
