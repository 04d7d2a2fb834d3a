using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Infra;

/// <summary>
/// The Bicep CLI restored from NuGet (<c>Azure.Bicep.CommandLine.linux-x64</c>, its <c>tools/bicep</c>;
/// the test project's PackageReference records where), run on the repository's templates.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<JsonObject> MainTemplate = new(() => Compile(Path.Combine(InfraDirectory, "main.bicep")));

    public static string InfraDirectory => Path.Combine(RepositoryRoot.FullPath, "infra");

    /// <summary>main.bicep compiled to an ARM template (built once per test run).</summary>
    public static JsonObject Main => MainTemplate.Value;

    /// <summary>Runs <c>bicep</c> with the arguments; the package ships the binary without its executable bit.</summary>
    public static BicepRun Run(params string[] arguments)
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        // The package is the linux-x64 build; NuGet extracts it without the executable bit.
        if (OperatingSystem.IsLinux() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = InfraDirectory };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        // No telemetry calls out of the test run.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new BicepRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Compiles a template and fails on any diagnostic, warnings included.</summary>
    public static JsonObject Compile(string bicepFile)
    {
        var run = Run("build", bicepFile, "--stdout");
        run.AssertClean();
        return JsonNode.Parse(run.Output)!.AsObject();
    }
}

/// <summary>What one bicep command printed.</summary>
public sealed record BicepRun(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Exit code 0 and no diagnostic at all: warnings count as errors.</summary>
    public void AssertClean()
    {
        Assert.True(ExitCode == 0 && Diagnostics.Trim().Length == 0, $"bicep exited {ExitCode}:\n{Diagnostics}");
    }
}
