namespace TakedownFn.Hosting;

/// <summary>
/// Whether the Azure Functions host started this process. The host launches a .NET isolated worker
/// with its gRPC endpoint on the command line (<c>--functions-uri</c>, with <c>--functions-worker-id</c>
/// and <c>--functions-request-id</c>; older hosts send <c>--host</c>/<c>--port</c>/<c>--workerId</c>
/// as well), and the worker reads it as the configuration value <c>Functions:Worker:HostEndpoint</c>
/// (GrpcWorkerStartupOptions in Microsoft.Azure.Functions.Worker). Without that value the worker
/// cannot start, so its presence, from the command line or the environment, is what we test.
/// </summary>
internal static class FunctionsHost
{
    public const string HostEndpointKey = "Functions:Worker:HostEndpoint";

    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--functions-uri"] = HostEndpointKey,
        ["--functions-worker-id"] = "Functions:Worker:WorkerId",
        ["--functions-request-id"] = "Functions:Worker:RequestId",
        ["--functions-grpc-max-message-length"] = "Functions:Worker:GrpcMaxMessageLength",
    };

    public static bool Launched(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args, Switches).Build();
        return !string.IsNullOrEmpty(configuration[HostEndpointKey]);
    }
}
