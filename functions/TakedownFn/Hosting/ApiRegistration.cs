using TakedownFn.Auth;
using TakedownFn.Notices;
using TakedownFn.PersonalData;
using TakedownFn.Signing;
using TakedownFn.Tenants;

namespace TakedownFn.Hosting;

internal static class ApiRegistration
{
    /// <summary>The services behind the HTTP endpoints; the server's clock decides every SLA time.</summary>
    public static void AddTakedownApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IApiKeyStore, CachedApiKeyStore>();
        builder.Services.AddSingleton<NoticeAcceptance>();
        builder.Services.AddSingleton<TenantSecrets>();
        builder.Services.AddSingleton<NoticeScreening>();
        builder.Services.AddSingleton<BatchIdempotency>();
        builder.Services.AddSingleton<TenantAdministration>();
        builder.Services.AddSingleton<AdminAudit>();
        builder.Services.AddSingleton<RequestSignatures>();
    }
}
