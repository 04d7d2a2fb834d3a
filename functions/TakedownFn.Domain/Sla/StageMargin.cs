namespace TakedownFn.Domain.Sla;

/// <summary>
/// What a stage's margin means wherever it is shown: the case view and the evidence bundle (which
/// judge the stage with <see cref="StageEvaluator"/>), and the case list (which reads the snapshot
/// the case row keeps from that same judgement). For preservation it is retained-until minus
/// keep-until (how much longer the evidence is kept than the policy requires, 18 USC 2258A(h)),
/// never keep-until minus the preservation step: preserving early spares no time.
/// </summary>
public static class StageMargin
{
    /// <summary>
    /// Whether <paramref name="status"/>'s margin is settled (the stage completed or its clock was
    /// stopped), so a snapshot may keep it; an open stage's margin moves with the clock (<see cref="WhileOpen"/>).
    /// </summary>
    public static bool IsSettled(StageStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Deadline is not null && (status.CompletedAt is not null || status.Reason is not null);
    }

    /// <summary>
    /// The margin of a stage not yet completed, at <paramref name="now"/>: the time left to its
    /// deadline (negative once it passed). Preservation has none until the evidence is preserved:
    /// its margin is about the retention kept, not about time left.
    /// </summary>
    public static TimeSpan? WhileOpen(SlaStage stage, DateTimeOffset deadline, DateTimeOffset now) =>
        stage == SlaStage.Preservation ? null : deadline - now;
}
