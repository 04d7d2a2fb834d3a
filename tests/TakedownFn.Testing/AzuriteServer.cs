using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using TakedownFn.Storage.Accounts;

namespace TakedownFn.Testing;

/// <summary>
/// A real Azurite, started on free loopback ports with in-memory data. Its access log goes to
/// <c>TestResults/azurite-{name}.log</c> under the repository root and is kept after the run, so a
/// failing test can be read against what the emulator saw. Set <c>AZURITE_DEBUG=1</c> for
/// Azurite's debug log as well. It runs with <c>--skipApiVersionCheck</c>: Azurite 3.37.0 accepts
/// service versions up to 2026-06-06, while the Queues and Blobs SDKs send their newer defaults,
/// which production keeps.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly Process _process;

    private readonly AzuriteOAuth? _oauth;

    private AzuriteServer(Process process, StorageAccount account, string logPath, AzuriteOAuth? oauth)
    {
        _process = process;
        Account = account;
        LogPath = logPath;
        _oauth = oauth;
    }

    /// <summary>The account: by connection string, or (OAuth mode) by its HTTPS endpoints with the OAuth test credential.</summary>
    public StorageAccount Account { get; }

    /// <summary>Client settings that reach this Azurite (in OAuth mode, over TLS that trusts its certificate).</summary>
    public StorageClientSettings ClientSettings() => new() { Transport = _oauth?.Transport() };

    /// <summary>The same account as a connection string, for a child process or app settings.</summary>
    public string ConnectionString => Account.ToConnectionString();

    public string LogPath { get; }

    /// <summary>The emulator's process id (Node.js), e.g. for a benchmark to read its CPU time.</summary>
    public int ProcessId => _process.Id;

    /// <summary>An SDK client of a table in this Azurite, with the app's client settings.</summary>
    public TableClient Table(string name, StorageClientSettings? settings = null) => Account.CreateTableServiceClient(settings).GetTableClient(name);

    /// <summary>An SDK client of a queue in this Azurite (base64 messages, as the app and the Functions host use).</summary>
    public QueueClient Queue(string name, StorageClientSettings? settings = null) => Account.CreateQueueServiceClient(settings).GetQueueClient(name);

    /// <summary>An SDK client of a blob container in this Azurite.</summary>
    public BlobContainerClient Container(string name, StorageClientSettings? settings = null) => Account.CreateBlobServiceClient(settings).GetBlobContainerClient(name);

    /// <summary>
    /// Starts Azurite; <paramref name="name"/> names the log file, and a <paramref name="dataDirectory"/>
    /// persists data there instead of in memory (so a restart keeps it).
    /// </summary>
    public static Task<AzuriteServer> StartAsync(string name, string? dataDirectory = null, CancellationToken cancellationToken = default) =>
        StartAsync(name, dataDirectory, oauth: null, cancellationToken);

    /// <summary>
    /// Starts Azurite over HTTPS checking every request's bearer token (<c>--oauth basic</c>), in memory.
    /// <see cref="Account"/> is identity-based (service URIs) with <see cref="AzuriteOAuth.Credential"/>.
    /// </summary>
    public static Task<AzuriteServer> StartWithOAuthAsync(string name, AzuriteOAuth oauth, CancellationToken cancellationToken = default) =>
        StartAsync(name, dataDirectory: null, oauth, cancellationToken);

    private static async Task<AzuriteServer> StartAsync(string name, string? dataDirectory, AzuriteOAuth? oauth, CancellationToken cancellationToken)
    {
        await NodeTools.EnsureInstalledAsync(cancellationToken);
        var root = RepositoryRoot.FullPath;
        var logDir = Path.Combine(root, "TestResults");
        Directory.CreateDirectory(logDir);
        var logPath = Path.Combine(logDir, $"azurite-{name}.log");
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());

        var args = new List<string>
        {
            Path.Combine(root, "tests", "TakedownFn.Testing", "azurite-host.js"), root,
            "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
            "--disableTelemetry", "--skipApiVersionCheck",
        };
        if (dataDirectory is null)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            args.AddRange(["--location", dataDirectory]);
        }

        if (oauth is not null)
        {
            args.AddRange(oauth.Arguments());
        }

        if (Environment.GetEnvironmentVariable("AZURITE_DEBUG") == "1")
        {
            args.AddRange(["--debug", Path.ChangeExtension(logPath, ".debug.log")]);
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        args.ForEach(start.ArgumentList.Add);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;

        var account = oauth is null
            ? StorageAccount.ForAzurite("127.0.0.1", blob, queue, table)
            : IdentityAccount(blob, queue, table).WithCredential(oauth.Credential);
        var server = new AzuriteServer(process, account, logPath, oauth);
        // A crashed or killed test process closes our pipe and the host script stops Azurite; this
        // covers the orderly exit that skips DisposeAsync.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        await server.WaitUntilListeningAsync([blob, queue, table], cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task WaitUntilListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in ports)
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with {_process.ExitCode} before listening; see {LogPath}.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    /// <summary>The identity-based settings of this Azurite's HTTPS endpoints, read as the app reads them.</summary>
    public static IReadOnlyDictionary<string, string> IdentitySettings(StorageAccount account) => new Dictionary<string, string>
    {
        ["AzureWebJobsStorage__blobServiceUri"] = account.BlobServiceUri.ToString(),
        ["AzureWebJobsStorage__queueServiceUri"] = account.QueueServiceUri.ToString(),
        ["AzureWebJobsStorage__tableServiceUri"] = account.TableServiceUri.ToString(),
    };

    private static StorageAccount IdentityAccount(int blob, int queue, int table)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__blobServiceUri"] = $"https://127.0.0.1:{blob}/{StorageAccount.DevelopmentAccountName}",
            ["AzureWebJobsStorage__queueServiceUri"] = $"https://127.0.0.1:{queue}/{StorageAccount.DevelopmentAccountName}",
            ["AzureWebJobsStorage__tableServiceUri"] = $"https://127.0.0.1:{table}/{StorageAccount.DevelopmentAccountName}",
        };
        return StorageAccount.FromSettings(settings.GetValueOrDefault);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process ended while output was still draining.
            }
        }
    }
}
