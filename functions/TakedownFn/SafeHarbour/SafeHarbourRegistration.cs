namespace TakedownFn.SafeHarbour;

internal static class SafeHarbourRegistration
{
    /// <summary>The statement builder (the ledger store and keys it reads are registered with the ledger; who may read it, with the reports).</summary>
    public static void AddTakedownSafeHarbour(this IHostApplicationBuilder builder) => builder.Services.AddSingleton<SafeHarbourStatements>();
}
