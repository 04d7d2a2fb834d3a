using TakedownFn.Domain.Severity;

namespace TakedownFn.Domain.Notices;

/// <summary>
/// A well-formed notice, produced by <see cref="NoticeIntake.Parse"/>. Well-formed is not the same as
/// legally complete: <see cref="LegalCompleteness.Check"/> decides that per regime.
/// </summary>
public sealed record Notice
{
    /// <summary>Regime id, one of <see cref="Regimes"/>.</summary>
    public required string Regime { get; init; }

    /// <summary>Category id, allowed by the regime.</summary>
    public required string Category { get; init; }

    public required IReadOnlyList<ReportedItem> Items { get; init; }

    public Notifier? Notifier { get; init; }

    /// <summary>Free-text explanation; <see langword="null"/> when not given.</summary>
    public string? Explanation { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public Declarations Declarations { get; init; } = Declarations.None;

    public string? Signature { get; init; }

    /// <summary>The platform's own reference for the notice.</summary>
    public required string PlatformReference { get; init; }

    /// <summary>When the platform received the notice.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public SeverityInputs Severity { get; init; } = SeverityInputs.None;

    /// <summary>The platform's tag for the trending event the notice belongs to, if it sent one (a surge stream).</summary>
    public string? Topic { get; init; }

    /// <summary>The platform's id of the victim's account; incidents group notices about the same account.</summary>
    public string? VictimAccount { get; init; }

    /// <summary>The complaint channel the notice arrived by, one of <see cref="NoticeIntake.Channels"/>.</summary>
    public string Channel { get; init; } = NoticeIntake.DefaultChannel;
}
