namespace TakedownFn.Domain.Cases;

/// <summary>
/// The case lifecycle: which step is accepted in which state, and where it leads. A case has two
/// dimensions: its <see cref="CaseState"/> and its notice's <see cref="NoticeValidity"/>. The whole
/// lifecycle is the two tables in <c>CaseStateMachine.Table.cs</c>; nothing else decides a transition.
/// </summary>
public static partial class CaseStateMachine
{
    /// <summary>
    /// Every case starts here, with its <see cref="StepKind.Received"/> step and a notice not yet judged
    /// (<see cref="NoticeValidity.Pending"/>); <see cref="Decide(CaseState, NoticeValidity, StepKind)"/>
    /// therefore never accepts <see cref="StepKind.Received"/>.
    /// </summary>
    public const CaseState InitialState = CaseState.Received;

    /// <summary>
    /// Decides whether <paramref name="step"/> is accepted in <paramref name="current"/> with the notice
    /// <paramref name="notice"/>, and where it leads. The state table is asked first; a step it accepts
    /// that is about the notice's completeness must also suit the notice.
    /// </summary>
    public static TransitionResult Decide(CaseState current, NoticeValidity notice, StepKind step)
    {
        var row = Row(current);
        CheckDefined(notice);
        if (!row.TryGetValue(step, out var next))
        {
            return new TransitionResult.Rejected(current, notice, step, AllowedSteps(current, notice), RefusedForNotice: false);
        }

        if (!NoticeTable.TryGetValue(step, out var rule))
        {
            return new TransitionResult.Allowed(current, step, next, notice);
        }

        return rule.Needs.Contains(notice)
            ? new TransitionResult.Allowed(current, step, next, rule.Leaves)
            : new TransitionResult.Rejected(current, notice, step, AllowedSteps(current, notice), RefusedForNotice: true);
    }

    /// <summary>Decides for a parsed step; see <see cref="Decide(CaseState, NoticeValidity, StepKind)"/>.</summary>
    public static TransitionResult Decide(CaseState current, NoticeValidity notice, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Decide(current, notice, step.Kind);
    }

    /// <summary>The steps accepted in <paramref name="state"/> with the notice <paramref name="notice"/>, in <see cref="StepKind"/> order.</summary>
    public static IReadOnlyList<StepKind> AllowedSteps(CaseState state, NoticeValidity notice)
    {
        var row = Row(state);
        CheckDefined(notice);
        return row.Keys.Where(step => !NoticeTable.TryGetValue(step, out var rule) || rule.Needs.Contains(notice)).Order().ToArray();
    }

    /// <summary>Plays steps from <see cref="InitialState"/> and a notice not yet judged; stops at the first refused step.</summary>
    public static TransitionResult Replay(IEnumerable<StepKind> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        TransitionResult last = new TransitionResult.Allowed(InitialState, StepKind.Received, InitialState, NoticeValidity.Pending);
        var (state, notice) = (InitialState, NoticeValidity.Pending);
        foreach (var step in steps)
        {
            last = Decide(state, notice, step);
            if (last is not TransitionResult.Allowed allowed)
            {
                return last;
            }

            (state, notice) = (allowed.NewState, allowed.Notice);
        }

        return last;
    }

    private static IReadOnlyDictionary<StepKind, CaseState> Row(CaseState state) =>
        Table.TryGetValue(state, out var row)
            ? row
            : throw new ArgumentOutOfRangeException(nameof(state), state, "not a defined case state");

    private static void CheckDefined(NoticeValidity notice)
    {
        if (!Enum.IsDefined(notice))
        {
            throw new ArgumentOutOfRangeException(nameof(notice), notice, "not a defined notice validity");
        }
    }
}
