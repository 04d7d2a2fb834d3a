using TakedownFn.LedgerApi;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Secrets;

namespace TakedownFn.Secrets;

/// <summary>
/// The key-encryption key for secrets at rest (section <c>TakedownFn:Secrets</c>). In Azure the
/// setting is a Key Vault reference (<c>@Microsoft.KeyVault(SecretUri=…)</c>), which the platform
/// resolves into the app setting, so the key never sits in the app's configuration files; locally,
/// against Azurite, a key is generated once into the git-ignored <c>.local/</c> folder.
/// </summary>
internal static class SecretSettings
{
    public const string Section = "TakedownFn:Secrets";
    public const string KeyEncryptionKey = Section + ":KeyEncryptionKey";
    public const string PreviousKeyEncryptionKeys = Section + ":PreviousKeyEncryptionKeys";
    public const string LocalKeyPath = Section + ":LocalKeyPath";
    public const string DefaultLocalKeyPath = ".local/secrets-kek.txt";

    public static SecretProtector Protector(IConfiguration configuration, StorageAccount account, string contentRoot)
    {
        var text = configuration[KeyEncryptionKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (account.AccountName != StorageAccount.DevelopmentAccountName)
            {
                throw new InvalidOperationException($"{KeyEncryptionKey} is required (\"{{id}}:{{base64 of 32 random bytes}}\", in Azure a Key Vault reference) unless the app runs against Azurite.");
            }

            text = LocalSigningKey.LoadOrCreate(Path.GetFullPath(configuration[LocalKeyPath] ?? DefaultLocalKeyPath, contentRoot), Storage.Secrets.KeyEncryptionKey.NewText);
        }

        var previous = (configuration[PreviousKeyEncryptionKeys] ?? string.Empty)
            .Split([',', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Storage.Secrets.KeyEncryptionKey.Parse(k, PreviousKeyEncryptionKeys));
        return new SecretProtector(Storage.Secrets.KeyEncryptionKey.Parse(text, KeyEncryptionKey), previous.ToList());
    }
}
