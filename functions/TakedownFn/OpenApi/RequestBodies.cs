using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Notices.Submission;

namespace TakedownFn.OpenApi;

/// <summary>
/// The body type each endpoint deserializes by hand (<see cref="Http.JsonBody"/>), by method and
/// route; an endpoint whose body is bound by its signature needs no entry.
/// </summary>
internal static class RequestBodies
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["POST api/notices"] = typeof(NoticeSubmission),
        ["POST api/notices/batch"] = typeof(NoticeBatch),
        ["POST api/cases/{id}/steps"] = typeof(StepSubmission),
        ["POST api/tenants"] = typeof(Tenants.TenantEndpoints.CreateTenantRequest),
        ["POST api/tenants/{tenantId}/keys"] = typeof(Tenants.TenantEndpoints.IssueKeyRequest),
        ["PUT api/tenants/{tenantId}/request-signing"] = typeof(Signing.RequestSigningEndpoints.SigningRequest),
        ["PUT api/tenants/{tenantId}/sla-override"] = typeof(SlaOverride),
        ["PUT api/tenants/{tenantId}/escalation-webhook"] = typeof(Sla.SlaTenantEndpoints.WebhookRequest),
        ["POST api/reports/periods"] = typeof(Reports.ReportPeriodEndpoints.PeriodRequest),
        ["POST api/cases/{id}/erasure"] = typeof(Erasure.ErasureRequest),
    };

    public static Type? For(string? method, string? relativePath) =>
        Types.GetValueOrDefault($"{method} {relativePath?.TrimStart('/')}");

    /// <summary>The body of <c>POST /api/notices/batch</c>.</summary>
    internal sealed record NoticeBatch(IReadOnlyList<NoticeSubmission> Notices);

    /// <summary>
    /// The body of <c>PUT /api/tenants/{tenantId}/sla-override</c>, which
    /// <see cref="Domain.Sla.TenantOverrideReader"/> reads field by field; described here by the same
    /// names (a test holds the two together).
    /// </summary>
    /// <param name="Tenant">The tenant id in the URL.</param>
    /// <param name="Version">Greater than the stored override's version; 1 or more.</param>
    /// <param name="Rules">One rule per regime × category × stage.</param>
    internal sealed record SlaOverride(string Tenant, int Version, IReadOnlyList<SlaOverrideRule> Rules);

    /// <summary>A deadline of the tenant's: it may tighten any deadline, and loosen only a platform target.</summary>
    /// <param name="Regime">A regime id.</param>
    /// <param name="Category">A category of the regime, or <c>*</c> for all.</param>
    /// <param name="Stage">The stage whose deadline this sets.</param>
    /// <param name="Length">The length, a positive whole number of units.</param>
    /// <param name="Unit">What the length counts.</param>
    internal sealed record SlaOverrideRule(string Regime, string Category, string Stage, int Length, string Unit);
}
