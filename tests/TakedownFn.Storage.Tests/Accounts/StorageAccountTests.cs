using Azure.Identity;
using TakedownFn.Storage.Accounts;

namespace TakedownFn.Storage.Tests.Accounts;

public class StorageAccountTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaults()
    {
        var connection = StorageAccount.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableServiceUri);
        Assert.True(connection.UsesConnectionString);
    }

    [Fact]
    public void Parse_AccountKeyWithSuffix_DerivesHttpsEndpoints()
    {
        var connection = StorageAccount.Parse($"DefaultEndpointsProtocol=https;AccountName=takedownprod;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://takedownprod.blob.core.chinacloudapi.cn"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://takedownprod.queue.core.chinacloudapi.cn"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://takedownprod.table.core.chinacloudapi.cn"), connection.TableServiceUri);
        Assert.Equal("takedownprod", connection.AccountName);
    }

    [Fact]
    public void Parse_AccountKeyWithoutSuffix_DefaultsToPublicCloud()
    {
        var connection = StorageAccount.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_UsesThemAsGiven()
    {
        var connection = StorageAccount.Parse(
            $"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;" +
            "QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1"), connection.QueueServiceUri);
        Assert.Equal(41002, connection.TableServiceUri.Port);
    }

    [Fact]
    public void ToConnectionString_RoundTripsThroughParse()
    {
        var original = StorageAccount.ForAzurite("127.0.0.1", 1, 2, 3);

        var copy = StorageAccount.Parse(original.ToConnectionString());

        Assert.Equal(original.BlobServiceUri, copy.BlobServiceUri);
        Assert.Equal(original.QueueServiceUri, copy.QueueServiceUri);
        Assert.Equal(original.TableServiceUri, copy.TableServiceUri);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("AccountName=acct", "'AccountKey'")]
    [InlineData("AccountKey=" + Key, "'AccountName'")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";Foo=bar", "unknown part 'Foo'")]
    [InlineData("AccountName=acct;" + Key, "Segment 2")]
    [InlineData("AccountName=acct;AccountName=b;AccountKey=" + Key, "'AccountName' twice")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a uri", "'TableEndpoint'")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2020&sig=abc", "SharedAccessSignature")]
    public void Parse_Malformed_NamesTheBadPartWithoutTheKey(string connectionString, string expected)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadKey_NamesAccountNotKey()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.Parse("AccountName=acct;AccountKey=%%%secret%%%"));

        Assert.Contains("acct", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_ConnectionString_IsParsedAndErrorsNameTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "AccountName=acct" };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault));

        Assert.StartsWith("Setting 'AzureWebJobsStorage': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_AccountName_UsesManagedIdentityAndPublicEndpoints()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "takedownprod",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        };

        var connection = StorageAccount.FromSettings(settings.GetValueOrDefault);

        Assert.False(connection.UsesConnectionString);
        Assert.IsType<DefaultAzureCredential>(connection.Credential);
        Assert.Equal("takedownprod", connection.AccountName);
        Assert.Equal(new Uri("https://takedownprod.queue.core.windows.net"), connection.QueueServiceUri);
    }

    [Fact]
    public void FromSettings_ServiceUris_UsesEachUri()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage__blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["Storage__queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["Storage__tableServiceUri"] = "https://acct.table.core.windows.net",
        };

        var connection = StorageAccount.FromSettings(settings.GetValueOrDefault, "Storage");

        Assert.Equal("acct", connection.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), connection.TableServiceUri);
        Assert.NotNull(connection.Credential);
    }

    [Fact]
    public void FromSettings_OneServiceUriMissing_NamesTheMissingSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://acct.queue.core.windows.net",
        };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_NothingConfigured_SaysWhatToSet()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.FromSettings(_ => null));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKey_NeverContainsTheKey()
    {
        var connection = StorageAccount.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.DoesNotContain(Key[..12], connection.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, typeof(ManagedIdentityCredential))]
    [InlineData("00000000-0000-0000-0000-000000000001", typeof(ManagedIdentityCredential))]
    public void FromSettings_CredentialManagedIdentity_UsesManagedIdentityCredential(string? clientId, Type expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "takedownprod",
            ["AzureWebJobsStorage__credential"] = "managedidentity",
            ["AzureWebJobsStorage__clientId"] = clientId,
        };

        var account = StorageAccount.FromSettings(settings.GetValueOrDefault);

        Assert.IsType(expected, account.Credential);
        Assert.Equal(new Uri("https://takedownprod.blob.core.windows.net"), account.BlobServiceUri);
    }

    [Fact]
    public void FromSettings_UnknownCredential_NamesTheSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__accountName"] = "takedownprod",
            ["AzureWebJobsStorage__credential"] = "clientsecret",
        };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault));

        Assert.Contains("AzureWebJobsStorage__credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_BadServiceUri_NamesTheSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage__queueServiceUri"] = "acct.queue.core.windows.net",
            ["AzureWebJobsStorage__tableServiceUri"] = "https://acct.table.core.windows.net",
        };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageAccount.FromSettings(settings.GetValueOrDefault));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateServiceClients_ConnectionString_AreOnTheParsedEndpoints()
    {
        var account = StorageAccount.ForAzurite("127.0.0.1", 41000, 41001, 41002);

        Assert.Equal(account.TableServiceUri, account.CreateTableServiceClient().Uri);
        Assert.Equal(account.QueueServiceUri, account.CreateQueueServiceClient().Uri);
        Assert.Equal(account.BlobServiceUri, account.CreateBlobServiceClient().Uri);
        Assert.Equal(StorageAccount.DevelopmentAccountName, account.CreateQueueServiceClient().AccountName);
    }
}
