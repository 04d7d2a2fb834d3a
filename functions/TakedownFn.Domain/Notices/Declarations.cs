namespace TakedownFn.Domain.Notices;

/// <summary>The statements the notifier affirmed. An absent statement is <see langword="false"/>.</summary>
/// <param name="GoodFaith">Good-faith belief that the use or content is unlawful (17 USC 512(c)(3)(A)(v), DSA Art. 16(2)(d)).</param>
/// <param name="Accuracy">The information in the notice is accurate (17 USC 512(c)(3)(A)(vi)).</param>
/// <param name="AuthorityUnderPenaltyOfPerjury">Under penalty of perjury, the notifier is authorised to act (17 USC 512(c)(3)(A)(vi)).</param>
public sealed record Declarations(bool GoodFaith, bool Accuracy, bool AuthorityUnderPenaltyOfPerjury)
{
    /// <summary>Nothing declared.</summary>
    public static Declarations None { get; } = new(false, false, false);
}
