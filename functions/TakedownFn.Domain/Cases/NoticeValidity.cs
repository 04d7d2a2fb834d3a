namespace TakedownFn.Domain.Cases;

/// <summary>
/// Whether a case's notice was found legally complete for its regime. A dimension beside
/// <see cref="CaseState"/>, not a state: an incomplete notice is triaged at once and the platform
/// may act on it (zero tolerance for doxxing) while it waits for the notifier to supply what is
/// missing. Wire ids (<c>pending</c>, <c>valid</c>, <c>incomplete</c>) are the case's stored
/// <c>validation</c>.
/// </summary>
public enum NoticeValidity
{
    /// <summary>Not judged yet: the case has not been processed.</summary>
    Pending,

    /// <summary>Every required element is there, from the start or after a supplement.</summary>
    Valid,

    /// <summary>Required elements are missing; the clocks that need a complete notice are paused.</summary>
    Incomplete,
}
