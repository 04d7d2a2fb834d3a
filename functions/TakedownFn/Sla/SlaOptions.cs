namespace TakedownFn.Sla;

/// <summary>SLA timer and escalation settings (<c>TakedownFn:Sla</c>), checked at start-up.</summary>
internal sealed record SlaOptions
{
    public const string Section = "TakedownFn:Sla";

    /// <summary>Warn when this fraction of a stage's time allowed is used up; between 0 and 1, exclusive.</summary>
    public double WarningFraction { get; init; } = Domain.Sla.StageEvaluator.DefaultWarningFraction;

    /// <summary>How often a failing escalation webhook is tried before it is given up (logged).</summary>
    public int EscalationMaxAttempts { get; init; } = 8;

    /// <summary>The first retry delay of a failing webhook; each further retry doubles it (capped at 1 h).</summary>
    public TimeSpan EscalationRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one webhook call may take.</summary>
    public TimeSpan EscalationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A folder of further <c>calendar.*.json</c> files read at start-up beside the shipped ones, e.g. a
    /// year's official China data (<c>calendar.cn-2027.json</c>) before a release ships it; relative
    /// paths are taken from the content root.
    /// </summary>
    public string? CalendarDirectory { get; init; }

    /// <summary>Every problem with these settings, naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (WarningFraction is <= 0 or >= 1 || double.IsNaN(WarningFraction))
        {
            yield return $"{Section}:WarningFraction must be between 0 and 1, exclusive (was {WarningFraction})";
        }

        if (EscalationMaxAttempts is < 1 or > 50)
        {
            yield return $"{Section}:EscalationMaxAttempts must be 1 to 50 (was {EscalationMaxAttempts})";
        }

        if (EscalationRetryDelay < TimeSpan.FromSeconds(1) || EscalationRetryDelay > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:EscalationRetryDelay must be 1 second to 1 hour (was {EscalationRetryDelay})";
        }

        if (EscalationTimeout <= TimeSpan.Zero || EscalationTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:EscalationTimeout must be above 0 and at most 5 minutes (was {EscalationTimeout})";
        }
    }
}
