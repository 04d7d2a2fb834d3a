using System.Text;
using System.Text.RegularExpressions;
using TakedownFn.Auth;
using TakedownFn.Domain.Sla;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Storage.Tenants;
using TakedownFn.Tenants;

namespace TakedownFn.Sla;

/// <summary>
/// Admin endpoints for a tenant's SLA configuration: its override (tightening the packs' deadlines)
/// and its escalation webhook. Both are the operator's to set, like the tenant and its keys.
/// </summary>
internal static partial class SlaTenantEndpoints
{
    private const int MaxOverrideBytes = 64 * 1024;
    private const int MaxWebhookBytes = 4096;
    private const int MaxUrlLength = 2048;

    public static void MapSlaTenantSettings(this WebApplication app)
    {
        app.MapPut("/api/tenants/{tenantId}/sla-override", PutOverrideAsync).RequireAuthorization(Policies.ManageTenants);
        app.MapPut("/api/tenants/{tenantId}/escalation-webhook", PutWebhookAsync).RequireAuthorization(Policies.ManageTenants);
    }

    /// <summary>
    /// Stores a new version of the tenant's override after checking it against every pack version
    /// (<see cref="PolicyCatalog.Check"/>): it may tighten any deadline and loosen only a platform
    /// target. Cases already triaged keep the policy they stored; new cases get this version.
    /// </summary>
    internal static async Task<IResult> PutOverrideAsync(
        string tenantId, HttpContext context, TenantStore tenants, TenantSettingsStore settings, PolicyCatalog catalog, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxOverrideBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var json = Encoding.UTF8.GetString(body.Span);
        var read = TenantOverrideReader.Read(TenantSlaOverrides.FileName, json);
        var errors = read.Errors.Select(e => ToValidationError(e, read.Value)).ToList();
        if (read.Value is { } tenantOverride)
        {
            if (tenantOverride.TenantId != tenantId)
            {
                errors.Add(new ValidationError("tenant", "must be the tenant id in the URL"));
            }

            errors.AddRange(catalog.Check(tenantOverride).Select(e => ToValidationError(e, tenantOverride)));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var accepted = read.Value!;
        var current = await settings.GetSlaOverrideAsync(tenantId, cancellationToken);
        if (current is not null && accepted.Version <= current.Version)
        {
            return Problems.Validation([new ValidationError("version", $"must be greater than the current version {current.Version}")]);
        }

        await context.RequestServices.GetRequiredService<AdminAudit>().RecordAsync(
            tenantId, "sla-override-set", $"{tenantId}|{accepted.Version}", new { version = accepted.Version }, Caller.From(context.User).KeyId, cancellationToken);
        if (!await settings.SaveSlaOverrideAsync(tenantId, accepted.Version, json, current, cancellationToken))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Override changed", "Another change to this tenant's override was saved first; read it and retry.");
        }

        return TypedResults.Ok(new OverrideAnswer(tenantId, accepted.Version, accepted.Rules.Select(r => new OverrideRuleAnswer(r.Key, r.Length.ToString())).ToList()));
    }

    /// <summary>Sets the tenant's escalation webhook; the signing secret is made here and shown in this answer only.</summary>
    internal static async Task<IResult> PutWebhookAsync(
        string tenantId, HttpContext context, TenantStore tenants, EscalationWebhooks webhooks, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxWebhookBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<WebhookRequest>(body.Span);
        Uri? url = null;
        if (errors.Count == 0 && !TryReadUrl(request?.Url, out url))
        {
            errors = [new ValidationError("url", $"must be an absolute https URL (http only to a loopback address) without user info, at most {MaxUrlLength} characters")];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await tenants.GetTenantAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound("tenant");
        }

        var webhook = new EscalationWebhookRecord(tenantId, url!, WebhookSignature.NewSecret());
        await context.RequestServices.GetRequiredService<AdminAudit>().RecordAsync(
            tenantId, "escalation-webhook-set", $"{tenantId}|{Guid.NewGuid():N}", new { host = webhook.Url.Host }, Caller.From(context.User).KeyId, cancellationToken);
        await webhooks.SaveAsync(webhook, cancellationToken);
        return TypedResults.Ok(new WebhookAnswer(tenantId, webhook.Url.AbsoluteUri, webhook.Secret));
    }

    internal static bool TryReadUrl(string? text, out Uri? url)
    {
        url = null;
        if (text is null || text.Length > MaxUrlLength || !Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        var ok = parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
        url = ok ? parsed : null;
        return ok;
    }

    /// <summary>Names the field the way a client wrote it: <c>rules[2].length</c>.</summary>
    private static ValidationError ToValidationError(PolicyDataError error, TenantOverride? tenantOverride)
    {
        if (error.Item is null)
        {
            return new ValidationError(error.Field, error.Message);
        }

        var index = RuleIndex().Match(error.Item) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : tenantOverride?.Rules.ToList().FindIndex(r => $"rule {r.Key}" == error.Item) ?? -1;
        return new ValidationError(index >= 0 ? $"rules[{index}].{error.Field}" : $"rules.{error.Field}", $"{error.Message} ({error.Item})");
    }

    [GeneratedRegex(@"^rule (\d+)")]
    private static partial Regex RuleIndex();

    internal sealed record WebhookRequest(string? Url);

    /// <summary>The override stored: its version and each rule's deadline as the pack notation reads it.</summary>
    internal sealed record OverrideAnswer(string TenantId, int Version, IReadOnlyList<OverrideRuleAnswer> Rules);

    internal sealed record OverrideRuleAnswer(string Key, string Length);

    /// <summary>The webhook set, with the signing secret (shown in this answer only).</summary>
    internal sealed record WebhookAnswer(string TenantId, string Url, string Secret);
}
