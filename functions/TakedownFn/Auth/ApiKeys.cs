using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TakedownFn.Auth;

/// <summary>
/// API keys: 32 random bytes, shown once at issue and stored only as their SHA-256. The keys are
/// high-entropy secrets, so an unsalted hash is enough to make the stored form useless to a reader
/// of the table (the same reasoning as GitHub's token storage).
/// </summary>
internal static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";
    private const string Prefix = "tfn_";

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lookup key for a presented API key; lower-case hex, safe as a table row key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Rejects obviously malformed keys before any storage read.</summary>
    public static bool LooksValid(string? key) =>
        key is { Length: > 4 and <= 100 } && key.StartsWith(Prefix, StringComparison.Ordinal) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
