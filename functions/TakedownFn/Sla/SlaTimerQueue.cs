using System.Collections.Concurrent;
using Azure.Storage.Queues;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue: a message per tenant and slot with timers (<see cref="SlaTimerSlots"/>),
/// invisible until the slot ends. Azure Storage hides a message for at most 7 days, so a slot
/// further off is sent with the longest delay and sends itself again when it surfaces early (a
/// hop), until it is due. Messages never expire: a timer's lifetime is the stage's, not the
/// queue's 7-day default.
/// </summary>
/// <remarks>
/// Each instance remembers the slots it has sent a message for, so a burst of cases sends one
/// message per slot. Another instance, or this one after a restart, may send a second message for
/// the same slot; both fire the same timers and each timer is recorded once (<see cref="SlaRecorder"/>).
/// </remarks>
internal sealed partial class SlaTimerQueue(QueueClient queue, TimeProvider time, ILogger<SlaTimerQueue> logger)
{
    /// <summary>The longest visibility delay the service accepts.</summary>
    public static readonly TimeSpan MaxDelay = QueueTimes.MaxVisibilityDelay;

    private const int ForgetPastSlotsAbove = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, DateTimeOffset SlotEnd), bool> _sent = new();

    /// <summary>How long to keep the message invisible so that it surfaces at <paramref name="dueAt"/>, or at the longest delay before it.</summary>
    public static TimeSpan DelayUntil(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var delay = dueAt - now;
        return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }

    public async Task SendAsync(SlaTimerMessage message, CancellationToken cancellationToken)
    {
        await queue.SendMessageAsync(message.ToJson(), DelayUntil(message.SlotEnd, time.GetUtcNow()), QueueTimes.NeverExpires, cancellationToken);
    }

    /// <summary>
    /// Makes sure a message fires each of <paramref name="timers"/> (new timers of a case, committed
    /// already) when its slot ends; returns whether any is due now, which the caller fires at once.
    /// A failed send is logged, not thrown: the sweep fires any timer whose message never came.
    /// </summary>
    public async Task<bool> ScheduleAsync(string tenantId, IEnumerable<SlaTimer> timers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dueNow = false;
        var slots = new HashSet<DateTimeOffset>();
        foreach (var timer in timers)
        {
            if (timer.DueAt <= now)
            {
                dueNow = true;
            }
            else
            {
                slots.Add(SlaTimerSlots.EndOf(timer.DueAt));
            }
        }

        foreach (var slotEnd in slots)
        {
            if (!_sent.TryAdd((tenantId, slotEnd), true))
            {
                continue;
            }

            try
            {
                await SendAsync(new SlaTimerMessage(tenantId, slotEnd), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _sent.TryRemove((tenantId, slotEnd), out _);
                LogScheduleFailed(logger, e, tenantId, slotEnd);
            }
        }

        if (_sent.Count > ForgetPastSlotsAbove)
        {
            foreach (var past in _sent.Keys.Where(k => k.SlotEnd < now))
            {
                _sent.TryRemove(past, out _);
            }
        }

        return dueNow;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Could not enqueue the timer message of tenant {TenantId} for the slot ending {SlotEnd}; the sweep will fire its timers")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string tenantId, DateTimeOffset slotEnd);
}
