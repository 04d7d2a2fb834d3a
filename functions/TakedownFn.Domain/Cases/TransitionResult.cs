namespace TakedownFn.Domain.Cases;

/// <summary>What <see cref="CaseStateMachine.Decide(CaseState, NoticeValidity, StepKind)"/> decided about a step.</summary>
public abstract record TransitionResult
{
    private TransitionResult()
    {
    }

    /// <summary>
    /// The step is accepted; the case moves to <see cref="NewState"/> (which may equal the current one)
    /// and its notice is then <see cref="Notice"/>.
    /// </summary>
    public sealed record Allowed(CaseState From, StepKind Step, CaseState NewState, NoticeValidity Notice) : TransitionResult;

    /// <summary>
    /// The step is refused; the case stays in <see cref="Current"/> with its notice <see cref="Notice"/>, where only
    /// <see cref="AllowedNextSteps"/> are accepted. <see cref="RefusedForNotice"/> says the state would take the step
    /// but the notice's validity does not (a supplement for a notice that is not incomplete).
    /// </summary>
    public sealed record Rejected(CaseState Current, NoticeValidity Notice, StepKind Step, IReadOnlyList<StepKind> AllowedNextSteps, bool RefusedForNotice)
        : TransitionResult;
}
