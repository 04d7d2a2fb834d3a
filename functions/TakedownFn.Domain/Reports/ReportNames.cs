namespace TakedownFn.Domain.Reports;

/// <summary>The names of the report's counters, as they appear in JSON, CSV and rollup rows.</summary>
public static class ReportNames
{
    public const string Received = "received";
    public const string Valid = "valid";
    public const string Incomplete = "incomplete";

    /// <summary>Not yet validated (still in intake).</summary>
    public const string Pending = "pending";

    /// <summary>Incomplete when received, completed later by a <c>notice-supplemented</c> step.</summary>
    public const string Supplemented = "supplemented";

    /// <summary>Items of information the notices name (DSA transparency template).</summary>
    public const string Items = "items";

    /// <summary>No decision on the content yet (no removal, restriction, label or no-action step).</summary>
    public const string StillOpen = "still-open";

    /// <summary>Actions on the content (every decision but no-action) recorded with <c>basis: terms</c>.</summary>
    public const string ActionedOnTerms = "actioned-on-terms";

    /// <summary>Prefix of the decision counters: <c>action.removed</c>, <c>action.no-action</c>, ….</summary>
    public const string ActionPrefix = "action.";

    /// <summary>Decision kinds in report order: the step kinds that decide the content, by their report names.</summary>
    public static readonly IReadOnlyList<(string Name, Cases.StepKind Step)> Actions =
    [
        ("removed", Cases.StepKind.ContentRemoved),
        ("disabled", Cases.StepKind.ContentDisabled),
        ("restricted", Cases.StepKind.ContentGeoRestricted),
        ("labelled", Cases.StepKind.ContentLabelled),
        ("no-action", Cases.StepKind.NoAction),
    ];

    /// <summary>Stage outcomes in report order.</summary>
    public const string Met = "met";

    /// <summary>Completed after the deadline, or before a window's earliest instant.</summary>
    public const string Breached = "breached";

    /// <summary>Not completed and past the deadline: breached and still open.</summary>
    public const string Overdue = "overdue";

    /// <summary>Running and within the deadline.</summary>
    public const string Open = "open";

    public const string Paused = "paused";
    public const string Stopped = "stopped";
    public const string NotStarted = "not-started";

    /// <summary>The case was closed before the stage's clock started: it never applied.</summary>
    public const string NotApplicable = "not-applicable";

    public static readonly IReadOnlyList<string> Outcomes = [Met, Breached, Overdue, Open, Paused, Stopped, NotStarted, NotApplicable];
}
