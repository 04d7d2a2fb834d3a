using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace TakedownFn.Testing;

/// <summary>
/// What Azurite needs to check bearer tokens (<c>--oauth basic</c>, which Azurite only accepts over
/// HTTPS): a certificate for 127.0.0.1 made here, its PEM files for Azurite, and an HTTP transport
/// that trusts exactly that certificate, for the SDK clients (nothing is added to any trust store).
/// </summary>
public sealed class AzuriteOAuth : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly string _directory;

    public AzuriteOAuth()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _directory = Directory.CreateTempSubdirectory("azurite-oauth").FullName;
        CertificatePath = Path.Combine(_directory, "cert.pem");
        KeyPath = Path.Combine(_directory, "key.pem");
        File.WriteAllText(CertificatePath, _certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>The tokens the app's clients get: valid for the storage scope, as Entra ID would issue them.</summary>
    public TestTokenCredential Credential { get; } = new();

    /// <summary>An Azure.Core transport whose TLS trusts this certificate only.</summary>
    public HttpPipelineTransport Transport() => new HttpClientTransport(Handler());

    /// <summary>An HTTP handler whose TLS trusts this certificate only (for raw requests).</summary>
    public SocketsHttpHandler Handler() => new()
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _certificate.GetCertHashString(HashAlgorithmName.SHA256),
        },
    };

    /// <summary>Azurite's command-line arguments for this mode.</summary>
    public IEnumerable<string> Arguments() => ["--oauth", "basic", "--cert", CertificatePath, "--key", KeyPath];

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
