namespace TakedownFn.Hosting;

/// <summary>
/// How triggers reach the app. Under the Functions host (custom handler) the host delivers queue and
/// timer invocations; standalone, the app runs its own queue pumps and timers.
/// </summary>
internal enum HostingMode
{
    Standalone,
    CustomHandler,
}

/// <summary>The mode this process runs in, for services that behave differently per mode.</summary>
internal sealed record AppHosting(HostingMode Mode);

internal static class HostingModeRegistration
{
    /// <summary>Set by the Functions host for a custom handler; the host calls http://127.0.0.1:{port}.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public const string DefaultStandaloneUrl = "http://localhost:7071";

    /// <summary>Chooses the mode and the listening address: IPv4 loopback on the host's port, or the configured URLs.</summary>
    public static HostingMode AddHostingMode(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration[CustomHandlerPortSetting];
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, out var number) || number is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{CustomHandlerPortSetting} must be a TCP port number.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{number}");
            builder.Services.AddSingleton(new AppHosting(HostingMode.CustomHandler));
            return HostingMode.CustomHandler;
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultStandaloneUrl);
        }

        builder.Services.AddSingleton(new AppHosting(HostingMode.Standalone));
        return HostingMode.Standalone;
    }

    /// <summary>The Functions host polls <c>GET /</c> until anything answers: answer at once, touching nothing.</summary>
    public static void MapReadinessProbe(this WebApplication app) =>
        app.MapGet("/", () => Results.Ok()).ExcludeFromDescription();
}
