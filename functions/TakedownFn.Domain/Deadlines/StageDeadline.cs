namespace TakedownFn.Domain.Deadlines;

/// <summary>A stage of a case that must be completed within a time.</summary>
public enum Stage
{
    /// <summary>Confirm receipt to the notifier.</summary>
    Acknowledge,

    /// <summary>Remove, disable or otherwise act on the reported content (or decide not to).</summary>
    Act,
}

/// <summary>
/// One stage's deadline rule: how long after the notice was accepted it is due, and whether the
/// number is the law's or the platform's own target where the law only says "timely".
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="Within">Time allowed from acceptance.</param>
/// <param name="Statutory">True when the law fixes the number.</param>
/// <param name="Basis">The provision the rule rests on.</param>
public sealed record StageRule(Stage Stage, TimeSpan Within, bool Statutory, string Basis);
