using System.Globalization;
using Azure.Core;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Blobs;

/// <summary>Lease Blob (<c>?comp=lease</c>, <c>x-ms-lease-action</c>): the single-writer lock for the ledger sequencer.</summary>
public sealed partial class BlobClient
{
    /// <summary>Takes a lease; 409 <c>LeaseAlreadyPresent</c> when another lease is active.</summary>
    /// <param name="duration">15 to 60 seconds (whole seconds, rounded up), or <see cref="BlobLease.InfiniteDuration"/>.</param>
    /// <param name="proposedLeaseId">The id to use (a GUID); null lets the service choose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<BlobLease> AcquireLeaseAsync(TimeSpan duration, string? proposedLeaseId = null, CancellationToken cancellationToken = default)
    {
        var seconds = LeaseSeconds(duration);
        using var message = CreateLeaseMessage("acquire");
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds);
        if (proposedLeaseId is not null)
        {
            message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedLeaseId);
        }

        var response = await _pipeline.SendCheckedAsync(message, $"Acquire lease on blob '{Name}'", cancellationToken);
        return ToLease(response);
    }

    /// <summary>Restarts the lease's clock; fails once the lease was broken and taken by another.</summary>
    public async Task<BlobLease> RenewLeaseAsync(string leaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        using var message = CreateLeaseMessage("renew");
        message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        var response = await _pipeline.SendCheckedAsync(message, $"Renew lease on blob '{Name}'", cancellationToken);
        return ToLease(response);
    }

    /// <summary>Gives the lease up so another writer can acquire it at once.</summary>
    public async Task ReleaseLeaseAsync(string leaseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseId);
        using var message = CreateLeaseMessage("release");
        message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        await _pipeline.SendCheckedAsync(message, $"Release lease on blob '{Name}'", cancellationToken);
    }

    /// <summary>
    /// Ends the current lease without knowing its id (for a writer that died holding it). Answers
    /// how long until a new lease can be acquired.
    /// </summary>
    /// <param name="breakPeriod">0 to 60 seconds; null lets a finite lease run out and breaks an infinite one at once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<TimeSpan> BreakLeaseAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        string? period = null;
        if (breakPeriod is { } p)
        {
            var seconds = Math.Ceiling(p.TotalSeconds);
            if (seconds is < 0 or > 60)
            {
                throw new ArgumentOutOfRangeException(nameof(breakPeriod), p, "Must be between 0 and 60 seconds.");
            }

            period = ((int)seconds).ToString(CultureInfo.InvariantCulture);
        }

        using var message = CreateLeaseMessage("break");
        if (period is not null)
        {
            message.Request.Headers.SetValue("x-ms-lease-break-period", period);
        }

        var response = await _pipeline.SendCheckedAsync(message, $"Break lease on blob '{Name}'", cancellationToken);
        return TimeSpan.FromSeconds(BlobHeaders.LongOf(response, "x-ms-lease-time") ?? 0);
    }

    private static string LeaseSeconds(TimeSpan duration)
    {
        if (duration == BlobLease.InfiniteDuration)
        {
            return "-1";
        }

        var seconds = Math.Ceiling(duration.TotalSeconds);
        if (seconds < BlobLease.MinDuration.TotalSeconds || seconds > BlobLease.MaxDuration.TotalSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds, or BlobLease.InfiniteDuration.");
        }

        return ((int)seconds).ToString(CultureInfo.InvariantCulture);
    }

    private HttpMessage CreateLeaseMessage(string action)
    {
        var message = CreateMessage(RequestMethod.Put, null, comp: "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        return message;
    }

    private static BlobLease ToLease(Azure.Response response) =>
        new(
            BlobHeaders.Value(response, "x-ms-lease-id") ?? throw new FormatException("The blob service answered a lease without x-ms-lease-id."),
            BlobHeaders.ETagOf(response),
            BlobHeaders.LastModifiedOf(response) ?? default);
}
