namespace TakedownFn.Domain.Cases;

/// <summary>
/// Where a case stands. Wire ids are kebab-case (<c>counter-noticed</c>). Which step leads where is
/// decided by the one table in <see cref="CaseStateMachine"/>.
/// </summary>
public enum CaseState
{
    /// <summary>Stored, not yet judged for legal completeness. Every case starts here.</summary>
    Received,

    /// <summary>Legally complete for its regime.</summary>
    Validated,

    /// <summary>
    /// Missing required elements. Passed through on the way to <see cref="Triaged"/> (the service records both
    /// in one write); whether the notice is still incomplete afterwards is its <see cref="NoticeValidity"/>.
    /// </summary>
    Incomplete,

    /// <summary>Severity assessed, SLA clocks running; waits for the platform's decision.</summary>
    Triaged,

    /// <summary>The notice was forwarded to the uploader before any measure (Civil Code Art. 1195).</summary>
    Forwarded,

    /// <summary>Content removed, disabled, geo-restricted or labelled.</summary>
    Actioned,

    /// <summary>The platform decided not to act, or reversed its action.</summary>
    NoAction,

    /// <summary>The uploader filed a counter-notice against the measure.</summary>
    CounterNoticed,

    /// <summary>Content was put back.</summary>
    Restored,

    /// <summary>A court action or official complaint about the content was notified.</summary>
    Litigation,

    /// <summary>Done; only record-keeping steps are accepted.</summary>
    Closed,

    /// <summary>The service could not process the notice; a retry starts again from <see cref="Received"/>.</summary>
    ProcessingFailed,
}
