using System.Globalization;
using TakedownFn.Storage.Accounts;
using TakedownFn.Storage.Ledger;

namespace TakedownFn.LedgerApi;

/// <summary>The ledger's configuration (section <c>TakedownFn:Ledger</c>), read and checked at start-up.</summary>
internal static class LedgerSettings
{
    public const string Section = "TakedownFn:Ledger";
    public const string SigningKeyPem = Section + ":SigningKeyPem";
    public const string VerificationKeysPem = Section + ":VerificationKeysPem";
    public const string LocalKeyPath = Section + ":LocalKeyPath";
    public const string OriginPrefix = Section + ":OriginPrefix";
    public const string CheckpointInterval = Section + ":CheckpointInterval";
    public const string SettleTime = Section + ":SettleTime";

    public const string DefaultLocalKeyPath = ".local/ledger-signing-key.pem";
    public const string DefaultOriginPrefix = "takedownfn.example/ledger";

    /// <summary>
    /// The signing key: configured PEM, or — for local runs against Azurite only — a key generated
    /// once and kept in the git-ignored <c>.local/</c> folder. Anywhere else a missing key stops start-up:
    /// a key that changed with every restart would make old checkpoints unverifiable.
    /// </summary>
    public static LedgerSigningKeys Keys(IConfiguration configuration, StorageAccount account, string contentRoot)
    {
        var pem = configuration[SigningKeyPem];
        if (string.IsNullOrWhiteSpace(pem))
        {
            if (account.AccountName != StorageAccount.DevelopmentAccountName)
            {
                throw new InvalidOperationException($"{SigningKeyPem} is required (a P-256 private key in PEM) unless the app runs against Azurite.");
            }

            pem = LocalSigningKey.LoadOrCreate(Path.GetFullPath(configuration[LocalKeyPath] ?? DefaultLocalKeyPath, contentRoot));
        }

        try
        {
            return new LedgerSigningKeys(pem, configuration[VerificationKeysPem], configuration[OriginPrefix] ?? DefaultOriginPrefix);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException or FormatException)
        {
            // The message names the setting, never the key material.
            throw new InvalidOperationException($"{SigningKeyPem} or {VerificationKeysPem} is not a usable P-256 PEM key ({e.GetType().Name}).", e);
        }
    }

    public static LedgerSequencerOptions SequencerOptions(IConfiguration configuration)
    {
        var defaults = new LedgerSequencerOptions();
        return defaults with
        {
            CheckpointInterval = Duration(configuration, CheckpointInterval) ?? defaults.CheckpointInterval,
            SettleTime = Duration(configuration, SettleTime) ?? defaults.SettleTime,
        };
    }

    private static TimeSpan? Duration(IConfiguration configuration, string name)
    {
        var value = configuration[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw new InvalidOperationException($"{name} must be a non-negative duration such as 00:00:05.");
    }
}
