using System.Text.Json;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Sla;
using TakedownFn.Functions;
using TakedownFn.Storage.Cases;

namespace TakedownFn.Sla;

/// <summary>
/// The escalations queue's function: posts one SLA event to the tenant's webhook, signed
/// (<see cref="WebhookSignature"/>). A failed delivery is sent again later with doubling delays
/// (a new message, so the queue's own five-try limit does not apply) until
/// <see cref="SlaOptions.EscalationMaxAttempts"/>; the case is never touched, so a failing webhook
/// blocks nothing. Delivery is at least once: receivers deduplicate by the event id header.
/// </summary>
internal sealed partial class EscalationHandler(
    EscalationWebhooks webhooks,
    EscalationQueue queue,
    CaseStore cases,
    IHttpClientFactory http,
    SlaOptions options,
    TimeProvider time,
    ILogger<EscalationHandler> logger) : IQueueHandler
{
    public const string HttpClientName = "escalation-webhook";

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public async Task HandleAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        EscalationMessage message;
        try
        {
            message = EscalationMessage.Parse(delivery.Text);
        }
        catch (FormatException)
        {
            LogUnreadable(logger, delivery.MessageId);
            return;
        }

        var webhook = await webhooks.GetAsync(message.Tenant, cancellationToken);
        if (webhook is not null && !await DeliverAsync(webhook, message, cancellationToken))
        {
            if (message.Attempt < options.EscalationMaxAttempts)
            {
                var delay = RetryDelay(options.EscalationRetryDelay, message.Attempt);
                await queue.SendAsync(message with { Attempt = message.Attempt + 1 }, delay, cancellationToken);
                LogRetrying(logger, message.EventId, message.Tenant, message.Attempt, delay);
                return;
            }

            LogGaveUp(logger, message.EventId, message.Tenant, message.Attempt);
        }

        // Delivered, given up, or no webhook any more: the outbox row (a surge has none) has done its job.
        if (message.OutboxRow.Length > 0)
        {
            await cases.DeleteSlaEntryAsync(message.Tenant, message.OutboxRow, cancellationToken);
        }
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1: the first delay, doubled per attempt, at most an hour.</summary>
    public static TimeSpan RetryDelay(TimeSpan first, int attempt) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(attempt - 1, 20)), MaxRetryDelay.Ticks));

    /// <summary>The JSON posted: ids and times only, never personal data (a surge adds its stream tag and figures).</summary>
    public static byte[] Body(EscalationMessage message) => message.Surge is { } surge
        ? JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId = message.EventId,
            kind = StepKind.IncidentSurge.ToId(),
            tenantId = message.Tenant,
            caseId = message.Case,
            stream = surge.Stream,
            windowCount = surge.Verdict.WindowCount,
            expected = surge.Verdict.Expected,
            pValue = surge.Verdict.PValue,
            recommendedMeasures = surge.RecommendedMeasures,
            recordedAt = message.RecordedAt,
        })
        : JsonSerializer.SerializeToUtf8Bytes(new
    {
        eventId = message.EventId,
        kind = (message.Kind == SlaTimerKind.Warning ? StepKind.SlaWarning : StepKind.SlaBreached).ToId(),
        tenantId = message.Tenant,
        caseId = message.Case,
        stage = message.Stage.ToId(),
        deadline = message.Deadline,
        recordedAt = message.RecordedAt,
    });

    private async Task<bool> DeliverAsync(Storage.Tenants.EscalationWebhookRecord webhook, EscalationMessage message, CancellationToken cancellationToken)
    {
        var body = Body(message);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.EventIdHeader, message.EventId);
        try
        {
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused(logger, message.EventId, message.Tenant, (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, message.EventId, message.Tenant, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(EventId = 450, Level = LogLevel.Error, Message = "Escalation message {MessageId} is not an escalation message; dropped")]
    private static partial void LogUnreadable(ILogger logger, string? messageId);

    [LoggerMessage(EventId = 451, Level = LogLevel.Warning, Message = "Escalation webhook of tenant {TenantId} answered {Status} for event {EventId}")]
    private static partial void LogRefused(ILogger logger, string eventId, string tenantId, int status);

    [LoggerMessage(EventId = 452, Level = LogLevel.Warning, Message = "Escalation webhook of tenant {TenantId} unreachable for event {EventId} ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string eventId, string tenantId, string error);

    [LoggerMessage(EventId = 453, Level = LogLevel.Information, Message = "Escalation of event {EventId} (tenant {TenantId}) failed on attempt {Attempt}; retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string eventId, string tenantId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 454, Level = LogLevel.Error, Message = "Escalation of event {EventId} (tenant {TenantId}) given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string eventId, string tenantId, int attempts);
}
