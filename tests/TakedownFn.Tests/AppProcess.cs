using System.Diagnostics;
using System.Text;

namespace TakedownFn.Tests;

/// <summary>The built app run as a real process, as the Functions host or a newcomer runs it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet TakedownFn.dll</c> with exactly the given environment additions and a clean working directory.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> environment) => Start(environment, []);

    /// <summary>
    /// As <see cref="Start(IReadOnlyDictionary{string, string})"/>, with command-line arguments (an
    /// operator command, or the Functions host's launch) and files put in the working directory
    /// first (name and content), e.g. a local.settings.json.
    /// </summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? files = null)
    {
        var directory = Directory.CreateTempSubdirectory("takedownfn-app").FullName;
        foreach (var (name, content) in files ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(directory, name), content);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TakedownFn.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal) || k.StartsWith("FUNCTIONS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started."));
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
