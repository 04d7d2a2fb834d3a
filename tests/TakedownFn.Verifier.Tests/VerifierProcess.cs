using System.Diagnostics;

namespace TakedownFn.Verifier.Tests;

/// <summary>Runs the built verifier as an auditor would: a separate process, judged by exit code and output.</summary>
internal static class VerifierProcess
{
    // The ProjectReference copies TakedownFn.Verifier.dll and its runtimeconfig next to the tests.
    private static readonly string VerifierDll = Path.Combine(AppContext.BaseDirectory, "TakedownFn.Verifier.dll");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        Assert.True(File.Exists(VerifierDll), $"verifier not built at {VerifierDll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(VerifierDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
