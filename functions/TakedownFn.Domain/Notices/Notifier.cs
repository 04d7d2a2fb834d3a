namespace TakedownFn.Domain.Notices;

/// <summary>The person or body that filed the notice. Every part is optional at intake; regimes decide what is required.</summary>
public sealed record Notifier(string? Name, NotifierContact Contact, NotifierRole? Role);

/// <summary>Ways to reach the notifier.</summary>
public sealed record NotifierContact(string? Email, string? Phone, string? PostalAddress)
{
    /// <summary>No contact at all.</summary>
    public static NotifierContact None { get; } = new(null, null, null);

    /// <summary>Whether at least one way to reach the notifier is given.</summary>
    public bool HasAny => Email is not null || Phone is not null || PostalAddress is not null;
}
