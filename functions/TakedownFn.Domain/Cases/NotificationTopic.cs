namespace TakedownFn.Domain.Cases;

/// <summary>What a <see cref="StepKind.NotifierInformed"/> step told the notifier.</summary>
public enum NotificationTopic
{
    /// <summary>DSA Art. 16(4): confirmation of receipt.</summary>
    ReceiptConfirmed,

    /// <summary>DSA Art. 16(5): the decision and the redress available.</summary>
    Decision,

    /// <summary>17 USC 512(c)(3)(B)(ii): the notice is incomplete; asked to supplement it.</summary>
    IncompleteNotice,

    /// <summary>17 USC 512(g)(2)(B): a counter-notice was received.</summary>
    CounterNotice,

    /// <summary>17 USC 512(g)(2)(B): the content will be or was restored.</summary>
    Restoration,

    Other,
}
