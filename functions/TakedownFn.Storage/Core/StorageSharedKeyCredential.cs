using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Storage.Core;

/// <summary>An account name and key, used to sign requests with SharedKey or SharedKeyLite.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The base64 account key.</param>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Never echo the key: say only which part is wrong.
            throw new StorageConfigurationException($"The account key for account '{accountName}' is not valid base64.");
        }
    }

    public string AccountName { get; }

    /// <summary>base64(HMAC-SHA256(key, stringToSign)), the signature both SharedKey schemes use.</summary>
    public string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    internal string ExportKey() => Convert.ToBase64String(_key);

    /// <summary>Keeps the key out of logs and debugger displays.</summary>
    public override string ToString() => $"SharedKey({AccountName})";
}
