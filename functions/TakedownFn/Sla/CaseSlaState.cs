using TakedownFn.Domain;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>
/// Brings a case row's SLA fields (timers, open breaches, deadline snapshot) in line with its steps
/// under its stored policy. Pure; the caller writes the result and the index rows it implies in one
/// transaction.
/// </summary>
internal static class CaseSlaState
{
    /// <summary>The case with its SLA fields recomputed from <paramref name="events"/> (all of its steps, new ones included).</summary>
    public static (CaseRecord Updated, CaseSlaPlan? Plan) Apply(CaseRecord record, IReadOnlyList<CaseEventRecord> events, CalendarCatalog calendars, TimeProvider time, double warningFraction)
    {
        if (record.Policy is not { } policy)
        {
            return (record, null);
        }

        var plan = CaseSla.Plan(policy, SlaFacts.From(events), calendars, time, warningFraction);

        // A closed case has no stage left to time: its timers and open breaches end with it.
        var closed = record.State == Domain.Cases.CaseState.Closed.ToId();
        var updated = record with
        {
            SlaTimers = closed ? [] : plan.Timers,
            OpenBreaches = closed ? [] : plan.OpenBreaches,
            Deadlines = plan.Stages
                .Where(s => s.Deadline is not null)
                .Select(s => new DeadlineRecord(s.Stage.ToId(), s.Deadline!.Value, s.Rule.Statutory, s.Rule.Basis ?? s.Rule.PackRuleKey, StateId(s.State), s.CompletedAt,
                    s.Provisional, s.Provisional ? calendars.Get(s.Rule.Calendar).DataVersion : null)
                {
                    Margin = StageMargin.IsSettled(s) ? s.Margin : null,
                })
                .ToList(),
        };
        return (updated, plan);
    }

    /// <summary>The wire id of a stage state as the API shows it (<see cref="SlaWireIds.ToId(StageState)"/>).</summary>
    public static string StateId(StageState state) => state.ToId();
}
