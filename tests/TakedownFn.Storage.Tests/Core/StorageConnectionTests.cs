using Azure.Identity;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tests.Core;

public class StorageConnectionTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaults()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.NotNull(connection.SharedKey);
    }

    [Fact]
    public void Parse_AccountKeyWithSuffix_DerivesHttpsEndpoints()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=takedownprod;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://takedownprod.blob.core.chinacloudapi.cn"), connection.BlobEndpoint);
        Assert.Equal(new Uri("https://takedownprod.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
        Assert.Equal(new Uri("https://takedownprod.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal("takedownprod", connection.SharedKey!.AccountName);
    }

    [Fact]
    public void Parse_AccountKeyWithoutSuffix_DefaultsToPublicCloud()
    {
        var connection = StorageConnection.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), connection.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_UsesThemAsGiven()
    {
        var connection = StorageConnection.Parse(
            $"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;" +
            "QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:41001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(41002, connection.TableEndpoint.Port);
    }

    [Fact]
    public void ToConnectionString_RoundTripsThroughParse()
    {
        var original = StorageConnection.ForAzurite("127.0.0.1", 1, 2, 3);

        var copy = StorageConnection.Parse(original.ToConnectionString());

        Assert.Equal(original.BlobEndpoint, copy.BlobEndpoint);
        Assert.Equal(original.QueueEndpoint, copy.QueueEndpoint);
        Assert.Equal(original.TableEndpoint, copy.TableEndpoint);
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
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadKey_NamesAccountNotKey()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.Parse("AccountName=acct;AccountKey=%%%secret%%%"));

        Assert.Contains("acct", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_ConnectionString_IsParsedAndErrorsNameTheSetting()
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "AccountName=acct" };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromSettings(settings.GetValueOrDefault));

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

        var connection = StorageConnection.FromSettings(settings.GetValueOrDefault);

        Assert.Null(connection.SharedKey);
        Assert.IsType<DefaultAzureCredential>(connection.TokenCredential);
        Assert.Equal("takedownprod", connection.AccountName);
        Assert.Equal(new Uri("https://takedownprod.queue.core.windows.net"), connection.QueueEndpoint);
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

        var connection = StorageConnection.FromSettings(settings.GetValueOrDefault, "Storage");

        Assert.Equal("acct", connection.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), connection.TableEndpoint);
        Assert.NotNull(connection.TokenCredential);
    }

    [Fact]
    public void FromSettings_OneServiceUriMissing_NamesTheMissingSetting()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage__blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage__queueServiceUri"] = "https://acct.queue.core.windows.net",
        };

        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromSettings(settings.GetValueOrDefault));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSettings_NothingConfigured_SaysWhatToSet()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageConnection.FromSettings(_ => null));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKey_NeverContainsTheKey()
    {
        var connection = StorageConnection.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.DoesNotContain(Key[..12], connection.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], connection.SharedKey!.ToString(), StringComparison.Ordinal);
    }
}
