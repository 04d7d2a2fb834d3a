namespace TakedownFn.Erasure;

internal static class ErasureRegistration
{
    /// <summary>The erasure handler both hosts' endpoints, the retention sweep and the evidence disclosure share.</summary>
    public static void AddTakedownErasure(this IHostApplicationBuilder builder) =>
        builder.Services.AddSingleton<CaseErasures>();
}
