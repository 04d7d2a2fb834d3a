using System.Diagnostics;
using System.Text.Json;

namespace TakedownFn.Testing;

/// <summary>
/// Installs the project's npm tools (Azurite) from its own lockfile when they are missing, so that a
/// bare <c>dotnet test</c> on a fresh clone works. Test assemblies run in parallel processes, so the
/// install is serialised by a lock file.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await InProcess.WaitAsync(cancellationToken);
        try
        {
            if (IsInstalled())
            {
                return;
            }

            var lockDir = Path.Combine(RepositoryRoot.FullPath, ".local");
            Directory.CreateDirectory(lockDir);
            await using var fileLock = await AcquireAsync(Path.Combine(lockDir, "npm-install.lock"), cancellationToken);
            if (IsInstalled())
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = RepositoryRoot.FullPath,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed ({process.ExitCode}):\n{await output}\n{await errors}");
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>True when node_modules holds the Azurite version the manifest pins.</summary>
    private static bool IsInstalled()
    {
        var root = RepositoryRoot.FullPath;
        var installed = Path.Combine(root, "node_modules", "azurite", "package.json");
        if (!File.Exists(installed))
        {
            return false;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        using var package = JsonDocument.Parse(File.ReadAllText(installed));
        var wanted = manifest.RootElement.GetProperty("devDependencies").GetProperty("azurite").GetString();
        return package.RootElement.GetProperty("version").GetString() == wanted;
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
