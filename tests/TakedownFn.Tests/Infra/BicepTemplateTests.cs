namespace TakedownFn.Tests.Infra;

/// <summary>Every template and parameters file under infra/ compiles and lints without a single warning.</summary>
public sealed class BicepTemplateTests
{
    public static TheoryData<string> Templates() =>
        [.. Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(BicepCli.InfraDirectory, f)).Order()];

    public static TheoryData<string> ParameterFiles() =>
        [.. Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicepparam", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(BicepCli.InfraDirectory, f)).Order()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Build_Template_CompilesWithoutDiagnostics(string template)
    {
        var run = BicepCli.Run("build", template, "--stdout");

        run.AssertClean();
        Assert.StartsWith("{", run.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Lint_Template_ReportsNothing(string template)
    {
        BicepCli.Run("lint", template).AssertClean();
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void BuildParams_Environment_CompilesWithoutDiagnostics(string parameters)
    {
        var run = BicepCli.Run("build-params", parameters, "--stdout");

        run.AssertClean();
        Assert.Contains("parametersJson", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_TemplateWithAnUnusedParameter_IsNotClean()
    {
        // The check above must be able to fail: a linter warning alone makes a run unclean.
        var file = Path.Combine(Path.GetTempPath(), $"unused-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(file, "param unused string\n");
        try
        {
            var run = BicepCli.Run("lint", file);

            Assert.Contains("no-unused-params", run.Diagnostics, StringComparison.Ordinal);
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(run.AssertClean);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Infra_NoFile_HoldsASecret()
    {
        // Secrets come from Key Vault (set by operators), storage by identity: no key, password or
        // connection string may be written into a template or parameters file.
        var offenders = Directory.EnumerateFiles(BicepCli.InfraDirectory, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("PRIVATE KEY", StringComparison.Ordinal)
                    || text.Contains("listKeys(", StringComparison.OrdinalIgnoreCase)
                    || text.Contains("SharedAccessSignature", StringComparison.OrdinalIgnoreCase)))
            .Select(f => Path.GetRelativePath(BicepCli.InfraDirectory, f));

        Assert.Empty(offenders);
    }
}
