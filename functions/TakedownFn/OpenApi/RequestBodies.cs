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
        ["PUT api/tenants/{tenantId}/escalation-webhook"] = typeof(Sla.SlaTenantEndpoints.WebhookRequest),
        ["POST api/reports/periods"] = typeof(Reports.ReportPeriodEndpoints.PeriodRequest),
        ["POST api/cases/{id}/erasure"] = typeof(Erasure.ErasureRequest),
    };

    public static Type? For(string? method, string? relativePath) =>
        Types.GetValueOrDefault($"{method} {relativePath?.TrimStart('/')}");

    /// <summary>The body of <c>POST /api/notices/batch</c>.</summary>
    internal sealed record NoticeBatch(IReadOnlyList<NoticeSubmission> Notices);
}
