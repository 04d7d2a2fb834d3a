namespace TakedownFn.Domain.Cases;

/// <summary>
/// The kinds of step recorded on a case: steps the platform reports, and system steps the service
/// records itself. Wire ids are kebab-case (<c>evidence-preserved</c>).
/// </summary>
public enum StepKind
{
    // Recorded by the service.
    Received,
    Validated,
    Incomplete,
    Triaged,
    ProcessingFailed,

    /// <summary>The service retries a notice whose processing failed, starting again at received.</summary>
    ProcessingRetried,

    /// <summary>
    /// Reported by the platform: the notifier supplied every element the notice lacked. The service records
    /// <see cref="Validated"/> with it and the paused clocks resume; the notice is not judged again.
    /// </summary>
    NoticeSupplemented,

    // Reported by the platform.
    ContentRemoved,
    ContentDisabled,
    ContentGeoRestricted,
    ContentLabelled,
    NoAction,
    AccountRestricted,
    AccountSuspended,
    EvidencePreserved,
    NoticeForwardedToUploader,
    StatementOfReasonsSent,
    NotifierInformed,
    CounterNoticeReceived,
    CounterNoticeForwardedToNotifier,
    ContentRestored,
    LawsuitNotified,
    CaseClosed,

    /// <summary>Amends the record of an earlier step; never changes the case state.</summary>
    Correction,

    // Recorded by the service's SLA timers; never change the case state.

    /// <summary>The configured fraction of a stage's time allowed is used up and the stage is not done.</summary>
    SlaWarning,

    /// <summary>A stage's deadline passed before its completing step was recorded.</summary>
    SlaBreached,

    // Record-keeping steps, accepted in every state and never changing it.

    /// <summary>
    /// Recorded by the service: a provisional deadline (counted on a year derived from the statute)
    /// was recomputed because the year's official calendar data was added; says from what to what.
    /// </summary>
    DeadlineRecomputed,

    /// <summary>Recorded by the service: the notices of the case's stream (topic or incident) surged above its baseline.</summary>
    IncidentSurge,

    /// <summary>Reported by the platform: the measures it took against a recorded surge (rate-limited reposts, warnings, prioritised review).</summary>
    SurgeResponse,

    /// <summary>
    /// Reported by the platform: records or information about the case were disclosed to an authority
    /// (a court, the police, a regulator) on its request, with the request's reference in <c>reference</c>.
    /// The third condition of the procedural safe harbour asks for cooperation with investigations
    /// (Cybersecurity Law Art. 47: report to the authorities); the period statement counts these.
    /// </summary>
    DisclosedToAuthority,

    // Personal-data lifecycle, recorded by the service (issue 14); accepted in every state, never changing it.
    /// <summary>The case's data key was destroyed: on an officer's request (PIPL Art. 47, GDPR Art. 17) or when its retention ended.</summary>
    PersonalDataErased,

    /// <summary>An erasure was refused (or the retention erasure deferred) because a legal hold is on; names the hold's step.</summary>
    ErasureRefused,

    /// <summary>An officer read the case's personal fields in an evidence bundle (<c>?disclose=personal</c>); who and when, never the values.</summary>
    PersonalDataDisclosed,
}
