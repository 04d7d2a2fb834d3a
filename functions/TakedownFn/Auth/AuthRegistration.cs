using Microsoft.AspNetCore.Authentication;

namespace TakedownFn.Auth;

/// <summary>The authorization policies endpoints require, one per right.</summary>
internal static class Policies
{
    public const string SubmitNotices = "submit-notices";
    public const string ReadCases = "read-cases";
    public const string ReadLedger = "read-ledger";
    public const string ManageTenants = "manage-tenants";

    /// <summary>Any valid key, whatever its role: <c>GET /api/me</c>.</summary>
    public const string AnyRole = "any-role";

    /// <summary>Incidents and repeat disclosers: compliance officers only.</summary>
    public const string ReadIncidents = "read-incidents";

    /// <summary>Erasing a case's personal data: compliance officers only.</summary>
    public const string ErasePersonalData = "erase-personal-data";

    public static void AddTakedownAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SubmitNotices, p => p.RequireRole(Role.Platform.Name()))
            .AddPolicy(ReadCases, p => p.RequireRole(Role.Platform.Name(), Role.Officer.Name(), Role.Auditor.Name()))
            .AddPolicy(ReadLedger, p => p.RequireRole(Role.Officer.Name(), Role.Auditor.Name()))
            .AddPolicy(ManageTenants, p => p.RequireRole(Role.Admin.Name()))
            .AddPolicy(AnyRole, p => p.RequireRole(Enum.GetValues<Role>().Select(r => r.Name())))
            .AddPolicy(ReadIncidents, p => p.RequireRole(Role.Officer.Name()))
            .AddPolicy(ErasePersonalData, p => p.RequireRole(Role.Officer.Name()));
    }
}
