using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TakedownFn.Domain.Sla;
using TakedownFn.Storage;
using TakedownFn.Storage.Accounts;
using TakedownFn.Telemetry;
using TakedownFn.Testing;
using TakedownFn.Tests.Functions;

namespace TakedownFn.Tests.Infra;

/// <summary>
/// Holds infra/main.bicep to the app: every list here is derived from the app (its provisioning,
/// the settings it reads, the generated functions.metadata, the shipped policy packs), so a queue,
/// table, container or setting added to the app without its template counterpart fails a test.
/// </summary>
public sealed partial class InfraConsistencyTests
{
    // What each storage role lets the identity do (Azure built-in role definition ids).
    private static readonly Dictionary<string, StorageService> RoleServices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = StorageService.Blob,  // Storage Blob Data Owner
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = StorageService.Queue, // Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = StorageService.Table, // Storage Table Data Contributor
    };

    private static readonly StorageResources App = StorageResources.FromPrefix(null);

    private static IReadOnlyList<(string Name, bool WriteOnce)> TemplateContainers =>
        [.. ArmTemplate.Variables["blobContainers"]!.AsArray().Select(c => (ArmTemplate.Literal(c!["name"])!, (bool)c["writeOnce"]!))];

    [Fact]
    public void Template_Queues_HoldEveryQueueTheAppProvisions()
    {
        Assert.Empty(App.Queues.Except(ArmTemplate.StringArray("queueNames")));
    }

    [Fact]
    public void Template_Queues_HoldEveryTriggerQueueOfTheMetadataAndItsPoisonQueue()
    {
        var triggerQueues = GeneratedFunctions.Read().Select(f => f.Trigger.QueueName).OfType<string>().ToList();

        Assert.NotEmpty(triggerQueues);
        Assert.Empty(triggerQueues.Concat(triggerQueues.Select(q => $"{q}-poison")).Except(ArmTemplate.StringArray("queueNames")));
    }

    [Fact]
    public void Template_Tables_HoldEveryTableTheAppProvisions()
    {
        Assert.Empty(App.Tables.Except(ArmTemplate.StringArray("tableNames")));
    }

    [Fact]
    public void Template_Containers_HoldEveryContainerTheAppProvisions()
    {
        Assert.Empty(App.Containers.Except(TemplateContainers.Select(c => c.Name)));
    }

    [Fact]
    public void Template_LedgerAndEvidenceContainers_AreWriteOnce()
    {
        var writeOnce = TemplateContainers.Where(c => c.WriteOnce).Select(c => c.Name).ToList();

        Assert.Contains(App.LedgerContainer, writeOnce);
        Assert.All(TemplateContainers.Where(c => c.Name.Contains("evidence", StringComparison.Ordinal)), c => Assert.True(c.WriteOnce, c.Name));
    }

    [Fact]
    public void Template_WriteOncePolicy_AllowsTheCheckpointAppendsAndUsesTheRetentionParameter()
    {
        var policy = Assert.Single(ArmTemplate.ModuleResources("storage", "Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));

        Assert.Equal("[parameters('containers')[copyIndex()].writeOnce]", (string?)policy["condition"]);
        Assert.True((bool)policy["properties"]!["allowProtectedAppendWrites"]!);
        Assert.Equal("[parameters('retentionDays')]", (string?)policy["properties"]!["immutabilityPeriodSinceCreationInDays"]);
        Assert.Equal("[parameters('recordRetentionDays')]", (string?)ArmTemplate.ModuleParameter("storage", "retentionDays"));
    }

    [Fact]
    public void RetentionDefault_IsTheLongestPreservationAnyShippedPolicyRequires()
    {
        var longest = PolicyCatalog.Shipped.Packs.SelectMany(p => p.Rules)
            .Where(r => r.Stage == SlaStage.Preservation)
            .Max(r => r.Length.Unit switch
            {
                DurationUnit.CalendarDays or DurationUnit.BusinessDays => r.Length.Amount,
                DurationUnit.Hours => (int)Math.Ceiling(r.Length.Amount / 24.0),
                _ => throw new InvalidOperationException($"{r.Key}: unit {r.Length.Unit}"),
            });

        Assert.Equal(longest, (int)BicepCli.Main["parameters"]!["recordRetentionDays"]!["defaultValue"]!);
    }

    [Fact]
    public void Template_StorageAccount_RefusesSharedKeysPlainHttpOldTlsAndPublicBlobs()
    {
        var account = Assert.Single(ArmTemplate.ModuleResources("storage", "Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
    }

    [Fact]
    public void RoleAssignments_CoverExactlyTheStorageServicesTheAppTouches()
    {
        // The app's own queues, tables and containers; the Functions host adds blobs (timer locks,
        // the deployment package) and queues (triggers), which the app's use already includes.
        var touched = new HashSet<StorageService>();
        if (App.Queues.Count > 0)
        {
            touched.Add(StorageService.Queue);
        }

        if (App.Tables.Count > 0)
        {
            touched.Add(StorageService.Table);
        }

        if (App.Containers.Count > 0)
        {
            touched.Add(StorageService.Blob);
        }

        var assigned = ArmTemplate.ModuleParameter("storage-roles", "roleIds")!.AsArray().Select(r => ArmTemplate.Literal(r)!).ToList();

        Assert.All(assigned, r => Assert.True(RoleServices.ContainsKey(r), $"role {r} is not one of the storage data roles"));
        Assert.Equal(touched.Order(), assigned.Select(r => RoleServices[r]).Order());
    }

    [Fact]
    public void AppSettings_StorageSettings_AreIdentityBasedWithoutAConnectionString()
    {
        var names = TemplateSettingNames(flex: true);

        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.Equal("managedidentity", (string?)ArmTemplate.ModuleVariables("functionapp")["storageSettings"]!["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__clientId", names);
    }

    [Fact]
    public void AppSettings_SigningAndKeyEncryptionKeys_AreKeyVaultReferences()
    {
        var settings = ArmTemplate.ModuleParameter("functionapp", "appSettings")!.AsObject();
        var references = settings.Where(s => ((string?)s.Value)?.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal) == true).Select(s => s.Key).ToList();

        Assert.Contains("TakedownFn__Ledger__SigningKeyPem", references);
        Assert.Contains(references, r => r.Contains("KeyEncryptionKey", StringComparison.Ordinal));
        var vault = Assert.Single(ArmTemplate.ModuleResources("keyvault", "Microsoft.KeyVault/vaults"))["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
    }

    [Fact]
    public void SettingsReadLocally_AreAllInTheSampleOrDocumentedAsOptional()
    {
        var sample = SampleSettings();

        var read = AppSettingsProbe.SettingsRead(sample, functionsWorker: false);

        Assert.NotEmpty(read);
        Assert.Empty(read.Where(s => !Covered(s, sample.Keys)).Order());
    }

    [Fact]
    public void SettingsReadInAzure_AreAllSetByTheTemplateOrDocumentedAsOptional()
    {
        // What the template sets, as the worker sees it in Azure (Key Vault references resolved).
        var names = TemplateSettingNames(flex: true);
        var values = names.ToDictionary(n => n, n => (string?)PlausibleValue(n), StringComparer.OrdinalIgnoreCase);

        var read = AppSettingsProbe.SettingsRead(values, functionsWorker: true);

        Assert.Contains("AzureWebJobsStorage__accountName", read);
        Assert.Empty(read.Where(s => !Covered(s, names)).Order());
    }

    [Fact]
    public void OptionalSettings_Documented_AreReadByTheApp()
    {
        // A documented setting the app no longer reads would excuse nothing and mislead operators.
        var read = AppSettingsProbe.SettingsRead(SampleSettings(), functionsWorker: false)
            .Concat(AppSettingsProbe.SettingsRead(TemplateSettingNames(flex: true).ToDictionary(n => n, n => (string?)PlausibleValue(n)), functionsWorker: true))
            .ToList();

        Assert.All(OptionalSettings.Documented.Where(d => !d.Contains('{', StringComparison.Ordinal)), d => Assert.Contains(d, read, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void AlertMetrics_AreTheMetricsTheAppRecords()
    {
        Assert.Equal(AppMetrics.SlaBreaches, (string?)ArmTemplate.Variables["slaBreachMetric"]);
        Assert.Equal(AppMetrics.PoisonQueueDepth, (string?)ArmTemplate.Variables["poisonDepthMetric"]);
    }

    /// <summary>
    /// A setting is covered when it is listed or documented as optional; a section the app binds
    /// (read as a whole when none of its settings is set) when some listed or documented setting is in it.
    /// </summary>
    private static bool Covered(string setting, IEnumerable<string> listed)
    {
        var names = listed.Concat(OptionalSettings.Documented).ToList();
        return names.Contains(setting, StringComparer.OrdinalIgnoreCase)
            || OptionalSettings.IsOptional(setting)
            || names.Any(n => n.StartsWith(setting + "__", StringComparison.OrdinalIgnoreCase));
    }

    private static HashSet<string> TemplateSettingNames(bool flex)
    {
        var module = ArmTemplate.ModuleVariables("functionapp");
        var names = module["storageSettings"]!.AsObject().Select(s => s.Key)
            .Concat(ArmTemplate.ModuleParameter("functionapp", "appSettings")!.AsObject().Select(s => s.Key));
        if (!flex)
        {
            names = names.Concat(module["premiumSettings"]!.AsObject().Select(s => s.Key));
        }

        return names.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string?> SampleSettings()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "local.settings.sample.json")))!;
        return json["Values"]!.AsObject().ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static string PlausibleValue(string name) => name switch
    {
        "AzureWebJobsStorage__accountName" => "takedownfnprobe",
        "AzureWebJobsStorage__credential" => "managedidentity",
        "AzureWebJobsStorage__clientId" => "00000000-0000-0000-0000-000000000001",
        "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/",
        "TakedownFn__Ledger__SigningKeyPem" => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem(),
        "TakedownFn__Ledger__VerificationKeysPem" => string.Empty,
        _ when name.Contains("KeyEncryptionKey", StringComparison.Ordinal) => "kprobe:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        _ => "probe",
    };
}

/// <summary>The settings docs/operations.md documents as optional (section "Settings the template leaves unset").</summary>
public static partial class OptionalSettings
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(Read);

    public static IReadOnlyList<string> Documented => Names.Value;

    /// <summary>Whether a setting is documented as optional; <c>{Name}</c> in a documented name stands for a function name.</summary>
    public static bool IsOptional(string setting) =>
        Documented.Any(d => Regex.IsMatch(setting, "^" + Regex.Escape(d).Replace(@"\{Name}", "[A-Za-z0-9]+", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase));

    private static IReadOnlyList<string> Read()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "docs", "operations.md"));
        var start = text.IndexOf("### Settings the template leaves unset", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/operations.md has no section 'Settings the template leaves unset'");
        var end = text.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];
        return [.. section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => SettingName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex("`([A-Za-z_][A-Za-z0-9_.{}]*)`")]
    private static partial Regex SettingName();
}
