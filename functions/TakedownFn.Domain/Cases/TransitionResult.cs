namespace TakedownFn.Domain.Cases;

/// <summary>What <see cref="CaseStateMachine.Decide(CaseState, StepKind)"/> decided about a step.</summary>
public abstract record TransitionResult
{
    private TransitionResult()
    {
    }

    /// <summary>The step is accepted; the case moves to <see cref="NewState"/> (which may equal the current one).</summary>
    public sealed record Allowed(CaseState From, StepKind Step, CaseState NewState) : TransitionResult;

    /// <summary>The step is refused; the case stays in <see cref="Current"/>, where only <see cref="AllowedNextSteps"/> are accepted.</summary>
    public sealed record Rejected(CaseState Current, StepKind Step, IReadOnlyList<StepKind> AllowedNextSteps) : TransitionResult;
}
