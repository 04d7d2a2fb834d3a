using TakedownFn.Auth;

namespace TakedownFn.Reports;

/// <summary>Who may read reports (officers, auditors) and close periods (officers).</summary>
internal static class ReportPolicies
{
    public const string ReadReports = "read-reports";
    public const string CloseReportPeriods = "close-report-periods";

    public static void AddReportPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadReports, p => p.RequireRole(Role.Officer.Name(), Role.Auditor.Name()))
            .AddPolicy(CloseReportPeriods, p => p.RequireRole(Role.Officer.Name()));
}
