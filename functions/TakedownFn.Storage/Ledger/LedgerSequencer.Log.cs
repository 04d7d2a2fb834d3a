using Microsoft.Extensions.Logging;

namespace TakedownFn.Storage.Ledger;

public sealed partial class LedgerSequencer
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Ledger of tenant {TenantId}: appended {Count} leaves, size now {Size}")]
    private static partial void LogAppended(Microsoft.Extensions.Logging.ILogger logger, string tenantId, long count, long size);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Ledger of tenant {TenantId}: {Count} pending event(s) were in the log already; their to-do rows are dropped")]
    private static partial void LogAlreadySequenced(Microsoft.Extensions.Logging.ILogger logger, string tenantId, int count);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Ledger of tenant {TenantId}: another sequencer advanced the log past size {Size}; stopping this run")]
    private static partial void LogLostRace(Microsoft.Extensions.Logging.ILogger logger, string tenantId, long size);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Ledger of tenant {TenantId}: checkpoint published at size {Size}")]
    private static partial void LogPublished(Microsoft.Extensions.Logging.ILogger logger, string tenantId, long size);

    [LoggerMessage(EventId = 504, Level = LogLevel.Critical, Message = "LEDGER ALARM: tenant {TenantId}: checkpoint at size {Size} refused, the stored tree does not prove it: {Reason}")]
    private static partial void LogCheckpointRefused(Microsoft.Extensions.Logging.ILogger logger, string tenantId, long size, string reason);

    [LoggerMessage(EventId = 505, Level = LogLevel.Warning, Message = "Ledger of tenant {TenantId}: sequencer lease lost; stopping this run")]
    private static partial void LogLeaseLost(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "Ledger of tenant {TenantId}: could not release the sequencer lease; it lapses by itself")]
    private static partial void LogReleaseFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string tenantId);
}
