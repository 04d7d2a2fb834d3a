namespace TakedownFn.Storage.Cases;

/// <summary>
/// That, when and why a case's personal data was erased (its data key destroyed). Kept on the case
/// row so a repeated request answers exactly as the first did.
/// </summary>
/// <param name="At">Server time of the erasure.</param>
/// <param name="Reason"><c>request</c> (an officer's <c>POST …/erasure</c>) or <c>retention</c> (the sweep).</param>
/// <param name="By">The officer's key id, or <c>service</c>.</param>
/// <param name="LegalBasis">The basis given (<c>pipl-47</c>, <c>gdpr-17</c>, …); for retention the policy rule.</param>
/// <param name="Fields">The notice fields erased, as JSON paths (names only, never values).</param>
/// <param name="StepId">The <c>personal-data-erased</c> step that records it.</param>
public sealed record CaseErasure(DateTimeOffset At, string Reason, string By, string LegalBasis, IReadOnlyList<string> Fields, string StepId);
