using Microsoft.Extensions.Configuration;
using TakedownFn.Hosting;

namespace TakedownFn.Tests.Hosting;

/// <summary>
/// Where local.settings.json ranks among the standalone host's configuration sources (that the
/// environment wins is pinned with a real process in <see cref="StartupTests"/>).
/// </summary>
public sealed class LocalSettingsConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("takedownfn-settings");

    [Fact]
    public void AddLocalSettings_SameSettingInFileAndOnTheCommandLine_CommandLineWins()
    {
        var configuration = Sources(["--TakedownFn:StoragePrefix=fromargs"]);

        Assert.Equal("fromargs", configuration["TakedownFn:StoragePrefix"]);
    }

    [Fact]
    public void AddLocalSettings_SettingOnlyInFileAndAppSettings_FileWinsOverAppSettings()
    {
        var configuration = Sources([]);

        Assert.Equal("fromfile", configuration["TakedownFn:StoragePrefix"]);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>The order WebApplication.CreateBuilder builds: host sources, appsettings, environment, command line.</summary>
    private ConfigurationManager Sources(string[] args)
    {
        File.WriteAllText(Path.Combine(_directory.FullName, "local.settings.json"), """{"Values": {"TakedownFn__StoragePrefix": "fromfile"}}""");
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables("DOTNET_");
        configuration.AddCommandLine(args);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TakedownFn:StoragePrefix"] = "fromappsettings" });
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        configuration.AddLocalSettings(_directory.FullName);
        return configuration;
    }
}
