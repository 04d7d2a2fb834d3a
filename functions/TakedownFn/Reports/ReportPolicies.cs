using TakedownFn.Auth;

namespace TakedownFn.Reports;

/// <summary>Who may read reports (officers, auditors), and close periods and export regulators' reports (officers only).</summary>
internal static class ReportPolicies
{
    public const string ReadReports = "read-reports";
    public const string OfficerReports = "officer-reports";

    public static void AddReportPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadReports, p => p.RequireRole(Role.Officer.Name(), Role.Auditor.Name()))
            .AddPolicy(OfficerReports, p => p.RequireRole(Role.Officer.Name()));
}
