namespace TakedownFn.Storage;

/// <summary>
/// The queues, tables and containers the app owns, created at start-up. An optional prefix lets
/// several deployments (or test hosts) share one account without seeing each other's data.
/// </summary>
internal sealed class StorageResources(string prefix)
{
    /// <summary>Notices accepted by the HTTP intake, waiting for validation and triage.</summary>
    public string IntakeQueue { get; } = $"{prefix}intake";

    /// <summary>Intake messages that failed five times (the Functions host's naming).</summary>
    public string IntakePoisonQueue { get; } = $"{prefix}intake-poison";

    /// <summary>SLA timers: one message per warning or deadline, invisible until due (hopping past 7 days).</summary>
    public string TimersQueue { get; } = $"{prefix}timers";

    /// <summary>SLA escalations waiting to be posted to tenants' webhooks.</summary>
    public string EscalationsQueue { get; } = $"{prefix}escalations";

    /// <summary>Cases, their steps, their index and outbox rows, partitioned by tenant.</summary>
    public string CasesTable { get; } = $"{prefix}cases";

    /// <summary>Tenants and their API keys (hashed).</summary>
    public string TenantsTable { get; } = $"{prefix}tenants";

    /// <summary>Tenants' ledger logs: leaves, stored tree hashes, event index and state (see <c>LedgerRows</c>).</summary>
    public string LedgerTable { get; } = $"{prefix}ledger";

    public string ReportsTable { get; } = $"{prefix}reports";

    /// <summary>Signed ledger checkpoints and sequencer leases.</summary>
    public string LedgerContainer { get; } = $"{prefix}ledger";

    public IReadOnlyList<string> Queues => [IntakeQueue, IntakePoisonQueue, TimersQueue, EscalationsQueue];

    public IReadOnlyList<string> Tables => [CasesTable, TenantsTable, LedgerTable, ReportsTable];

    public IReadOnlyList<string> Containers => [LedgerContainer];

    /// <summary>Letters and digits only, starting with a letter: valid in table, queue and container names.</summary>
    public static StorageResources FromPrefix(string? prefix)
    {
        prefix ??= string.Empty;
        var valid = prefix.Length <= 20
            && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            && (prefix.Length == 0 || char.IsAsciiLetterLower(prefix[0]));
        if (!valid)
        {
            throw new InvalidOperationException("TakedownFn:StoragePrefix must be at most 20 lower-case letters or digits, starting with a letter.");
        }

        return new StorageResources(prefix);
    }
}
