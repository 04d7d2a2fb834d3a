using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;

namespace TakedownFn.Domain.Dsa;

/// <summary>A restriction a case's steps recorded, as a statement of reasons needs it.</summary>
/// <param name="Kind">One of <see cref="Statements.RestrictionKinds"/>.</param>
/// <param name="OccurredAt">When the platform says it applied the restriction.</param>
/// <param name="Regions">For a geo-restriction, the ISO 3166-1 codes it covers.</param>
/// <param name="SuspendedUntil">For an account suspension, its end, if temporary.</param>
public sealed record StatementRestriction(StepKind Kind, DateTimeOffset OccurredAt, IReadOnlyList<string> Regions, DateTimeOffset? SuspendedUntil = null);

/// <summary>What a statement of reasons is made from: the case's ids, what the notice was about and who sent it, its restrictions, and the platform's statement fields.</summary>
/// <param name="CaseId">The case id, which becomes the <c>puid</c>.</param>
/// <param name="Regime">Our regime id.</param>
/// <param name="Category">Our category id.</param>
/// <param name="NotifierRole">Who filed the notice (trusted flaggers have their own source type), if known.</param>
/// <param name="Restrictions">The restrictions recorded, in order.</param>
/// <param name="Fields">The latest <c>statement-of-reasons-sent</c> step's fields; null when none was recorded.</param>
public sealed record StatementCase(
    string CaseId, string Regime, string Category, NotifierRole? NotifierRole, IReadOnlyList<StatementRestriction> Restrictions, StatementFields? Fields);
