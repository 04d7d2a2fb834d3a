namespace TakedownFn.Domain.Cases;

/// <summary>
/// The case lifecycle: which step is accepted in which state, and where it leads. The whole
/// lifecycle is the one table in <c>CaseStateMachine.Table.cs</c>; nothing else decides a transition.
/// </summary>
public static partial class CaseStateMachine
{
    /// <summary>
    /// Every case starts here, with its <see cref="StepKind.Received"/> step; <see cref="Decide(CaseState, StepKind)"/>
    /// therefore never accepts <see cref="StepKind.Received"/>.
    /// </summary>
    public const CaseState InitialState = CaseState.Received;

    /// <summary>Decides whether <paramref name="step"/> is accepted in <paramref name="current"/> and where it leads.</summary>
    public static TransitionResult Decide(CaseState current, StepKind step)
    {
        var row = Row(current);
        return row.TryGetValue(step, out var next)
            ? new TransitionResult.Allowed(current, step, next)
            : new TransitionResult.Rejected(current, step, AllowedSteps(current));
    }

    /// <summary>Decides for a parsed step; see <see cref="Decide(CaseState, StepKind)"/>.</summary>
    public static TransitionResult Decide(CaseState current, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Decide(current, step.Kind);
    }

    /// <summary>The steps accepted in <paramref name="state"/>, in <see cref="StepKind"/> order.</summary>
    public static IReadOnlyList<StepKind> AllowedSteps(CaseState state) =>
        Row(state).Keys.Order().ToArray();

    /// <summary>Plays steps from <see cref="InitialState"/>; stops at the first refused step.</summary>
    public static TransitionResult Replay(IEnumerable<StepKind> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        TransitionResult last = new TransitionResult.Allowed(InitialState, StepKind.Received, InitialState);
        var state = InitialState;
        foreach (var step in steps)
        {
            last = Decide(state, step);
            if (last is not TransitionResult.Allowed allowed)
            {
                return last;
            }

            state = allowed.NewState;
        }

        return last;
    }

    private static IReadOnlyDictionary<StepKind, CaseState> Row(CaseState state) =>
        Table.TryGetValue(state, out var row)
            ? row
            : throw new ArgumentOutOfRangeException(nameof(state), state, "not a defined case state");
}
