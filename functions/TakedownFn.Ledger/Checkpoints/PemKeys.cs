using System.Security.Cryptography;

namespace TakedownFn.Ledger.Checkpoints;

/// <summary>Finds key blocks in PEM text (RFC 7468), which may hold several blocks and comments.</summary>
internal static class PemKeys
{
    public static bool TryImportPrivateKey(ECDsa key, string pem)
    {
        foreach (var (label, der) in Blocks(pem))
        {
            switch (label)
            {
                case "PRIVATE KEY":
                    key.ImportPkcs8PrivateKey(der, out _);
                    return true;
                case "EC PRIVATE KEY":
                    key.ImportECPrivateKey(der, out _);
                    return true;
                case "ENCRYPTED PRIVATE KEY":
                    throw new CryptographicException("encrypted private keys are not supported; decrypt it into the service's key store");
            }
        }

        return false;
    }

    public static IEnumerable<byte[]> PublicKeys(string pem) =>
        Blocks(pem).Where(b => b.Label == "PUBLIC KEY").Select(b => b.Der);

    private static IEnumerable<(string Label, byte[] Der)> Blocks(string pem)
    {
        int offset = 0;
        while (offset < pem.Length && PemEncoding.TryFind(pem.AsSpan(offset), out var fields))
        {
            var block = pem.AsSpan(offset);
            var label = block[fields.Label].ToString();
            var der = Convert.FromBase64String(block[fields.Base64Data].ToString());
            offset += fields.Location.End.Value;
            yield return (label, der);
        }
    }
}
