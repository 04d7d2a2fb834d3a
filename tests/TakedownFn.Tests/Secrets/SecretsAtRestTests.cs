using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Storage;
using TakedownFn.Storage.Secrets;
using TakedownFn.Storage.Tenants;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Secrets;

/// <summary>Webhook, request-signing and commitment secrets are kept envelope-encrypted; the key-encryption key rotates without downtime.</summary>
public sealed class SecretsAtRestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Kek1 = "one:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Kek2 = "two:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task RawTableRows_AfterEverySecretIsSet_HoldNoneOfThem()
    {
        await using var app = new TakedownFnFactory(azurite.Server, Kek(Kek1));
        var (tenantId, secrets) = await SetEverySecretAsync(app);

        var rows = await RawRowsAsync(app);

        Assert.NotEmpty(rows);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(rows, r => r.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.Contains(tenantId, StringComparison.Ordinal) && r.Contains("tfn-env1:one:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rotation_NewKeyWithOldAsPrevious_ReadsThenRewrapsSoTheOldKeyCanGo()
    {
        await using var first = new TakedownFnFactory(azurite.Server, Kek(Kek1));
        var (tenantId, _) = await SetEverySecretAsync(first);
        var before = await ReadSecretsAsync(first, tenantId);

        // Step 1: every instance gets the new key as current and the old one as previous.
        await using var rotating = new TakedownFnFactory(azurite.Server, Kek(Kek2, Kek1), storagePrefix: first.StoragePrefix);
        await rotating.WaitUntilReadyAsync();
        Assert.Equal(before, await ReadSecretsAsync(rotating, tenantId));

        // Step 2: the rewrap; running it again changes nothing.
        var tenants = rotating.Services.GetRequiredService<StorageClients>().Tenants;
        Assert.Equal(3, await SecretRewrap.RunAsync(tenants, rotating.Services.GetRequiredService<SecretProtector>()));
        Assert.Equal(0, await SecretRewrap.RunAsync(tenants, rotating.Services.GetRequiredService<SecretProtector>()));

        // Step 3: the old key is dropped; everything still reads.
        await using var rotated = new TakedownFnFactory(azurite.Server, Kek(Kek2), storagePrefix: first.StoragePrefix);
        await rotated.WaitUntilReadyAsync();
        Assert.Equal(before, await ReadSecretsAsync(rotated, tenantId));
        Assert.DoesNotContain(await RawRowsAsync(rotated), r => r.Contains("tfn-env1:one:", StringComparison.Ordinal));
    }

    [Fact]
    public void Unprotect_ValueMovedToAnotherRowOrAltered_Fails()
    {
        var protector = new SecretProtector(KeyEncryptionKey.Parse(Kek1, "kek"), []);
        var stored = protector.Protect("webhook-secret", "escalation-webhook|ta");

        Assert.Equal("webhook-secret", protector.UnprotectText(stored, "escalation-webhook|ta"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored, "escalation-webhook|tb"));
        var altered = stored[..^2] + (stored[^2] == 'A' ? 'B' : 'A') + stored[^1];
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(altered, "escalation-webhook|ta"));
        Assert.ThrowsAny<CryptographicException>(() => new SecretProtector(KeyEncryptionKey.Parse(Kek2, "kek"), []).Unprotect(stored, "escalation-webhook|ta"));
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData("id:c2hvcnQ=")]
    [InlineData("bad id!:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Protector_MalformedKeySetting_StopsStartNamingTheSettingNotTheValue(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TakedownFn:Secrets:KeyEncryptionKey"] = value }).Build();
        var account = TakedownFn.Storage.Accounts.StorageAccount.FromSettings(name => name == "AzureWebJobsStorage" ? "UseDevelopmentStorage=true" : null);

        var error = Assert.Throws<InvalidOperationException>(() => TakedownFn.Secrets.SecretSettings.Protector(configuration, account, "."));

        Assert.Contains("TakedownFn:Secrets:KeyEncryptionKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Split(':').Last(), error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Kek(string current, string? previous = null)
    {
        var settings = new Dictionary<string, string> { ["TakedownFn:Secrets:KeyEncryptionKey"] = current };
        if (previous is not null)
        {
            settings["TakedownFn:Secrets:PreviousKeyEncryptionKeys"] = previous;
        }

        return settings;
    }

    /// <summary>Sets the webhook and request-signing secrets through the API and returns every secret's text forms.</summary>
    private static async Task<(string TenantId, List<string> Secrets)> SetEverySecretAsync(TakedownFnFactory app)
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.AdminClientAsync();
        var webhook = await (await admin.PutAsJsonAsync($"/api/tenants/{tenant.TenantId}/escalation-webhook", new { url = "https://hooks.example/takedown" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var signing = await (await admin.PutAsJsonAsync($"/api/tenants/{tenant.TenantId}/request-signing", new { required = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var commitment = await app.Services.GetRequiredService<TenantStore>().GetOrCreateCommitmentSecretAsync(tenant.TenantId);
        return (tenant.TenantId,
        [
            webhook.GetProperty("secret").GetString()!,
            signing.GetProperty("secret").GetString()!,
            Convert.ToBase64String(commitment),
            Convert.ToHexString(commitment),
            Convert.ToHexStringLower(commitment),
        ]);
    }

    private static async Task<(string Webhook, string Signing, string Commitment)> ReadSecretsAsync(TakedownFnFactory app, string tenantId)
    {
        var services = app.Services;
        return (
            (await services.GetRequiredService<TenantSettingsStore>().GetEscalationWebhookAsync(tenantId))!.Secret,
            (await services.GetRequiredService<RequestSigningStore>().GetAsync(tenantId))!.Secret,
            Convert.ToHexString(await services.GetRequiredService<TenantStore>().GetOrCreateCommitmentSecretAsync(tenantId)));
    }

    /// <summary>Every row of the tenants table as text: each property's value, binary ones in base64 and hex.</summary>
    private static async Task<List<string>> RawRowsAsync(TakedownFnFactory app)
    {
        var rows = new List<string>();
        await foreach (var entity in app.Services.GetRequiredService<StorageClients>().Tenants.QueryAsync<TableEntity>())
        {
            rows.Add(string.Join("|", entity.Select(p => p.Value switch
            {
                byte[] bytes => $"{Convert.ToBase64String(bytes)}|{Convert.ToHexString(bytes)}|{Convert.ToHexStringLower(bytes)}",
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            })));
        }

        return rows;
    }
}
