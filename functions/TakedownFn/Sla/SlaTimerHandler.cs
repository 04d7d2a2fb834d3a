using TakedownFn.Functions;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue's function. A message that surfaces before its slot ends is a hop (the queue
/// hides a message for at most 7 days) and is sent again for the rest of the wait. A due message
/// reads the tenant's timers of the slot from the SLA index and fires each case's due timers
/// (<see cref="SlaRecorder"/>), a few cases at a time.
/// </summary>
internal sealed partial class SlaTimerHandler(
    SlaRecorder recorder, SlaTimerQueue timers, CaseStore cases, TimeProvider time, ILogger<SlaTimerHandler> logger) : IQueueHandler
{
    /// <summary>How many cases of one slot are fired at once.</summary>
    public const int Parallelism = 8;

    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        SlaTimerMessage message;
        try
        {
            message = SlaTimerMessage.Parse(delivery.Text);
        }
        catch (FormatException)
        {
            // Names no slot: nothing to fire. Dropped; the sweep covers every timer a case lists.
            LogUnreadable(logger, delivery.MessageId);
            return;
        }

        if (message.SlotEnd > time.GetUtcNow())
        {
            await timers.SendAsync(message, cancellationToken);
            LogHopped(logger, message.Tenant, message.SlotEnd);
            return;
        }

        var due = await cases.SlaTimersDueInAsync(message.Tenant, message.SlotEnd - SlaTimerSlots.Width, message.SlotEnd, cancellationToken);
        await Parallel.ForEachAsync(
            due.Select(e => e.CaseId).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (caseId, ct) => await recorder.FireAsync(message.Tenant, caseId, ct));
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Error, Message = "Timer message {MessageId} is not a timer message; dropped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);

    [LoggerMessage(EventId = 421, Level = LogLevel.Debug, Message = "Timer message of tenant {TenantId} hops on towards {SlotEnd}")]
    private static partial void LogHopped(ILogger logger, string tenantId, DateTimeOffset slotEnd);
}
