namespace TakedownFn.Domain.Evidence;

/// <summary>
/// The case's personal fields, in a bundle an officer asked for with <c>?disclose=personal</c>:
/// the notice exactly as stored (the text the received leaf's <c>notice</c> commitment is the
/// HMAC of, so whoever holds the tenant's commitment secret can check one against the other),
/// or, once the data key was destroyed, only that and when it was erased.
/// </summary>
/// <param name="Status"><c>disclosed</c> or <c>erased</c>.</param>
/// <param name="NoticeCommitment">The received leaf's commitment to <paramref name="Notice"/>.</param>
/// <param name="Notice">The stored notice text; null once erased.</param>
/// <param name="ErasedAt">When the data key was destroyed, if it was.</param>
/// <param name="ErasureReason"><c>request</c> or <c>retention</c>, if erased.</param>
public sealed record BundleDisclosure(string Status, string? NoticeCommitment, string? Notice, DateTimeOffset? ErasedAt, string? ErasureReason);
