using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Storage.Core;

namespace TakedownFn.Storage.Tests.Core;

/// <summary>
/// Pins the signatures against vectors computed independently (Python's hmac over the string-to-sign
/// the Storage documentation defines), with no network.
/// </summary>
public class SharedKeyAuthenticationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    private static readonly StorageSharedKeyCredential Azurite =
        new(StorageConnection.DevelopmentAccountName, "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");

    [Fact]
    public void OnSendingRequest_QueuePutMessage_MatchesKnownSharedKeyVector()
    {
        using var message = NewMessage(RequestMethod.Post, "http://127.0.0.1:10001/devstoreaccount1/intake/messages?visibilitytimeout=30&messagettl=-1");
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Headers.SetValue("x-ms-version", "2025-11-05");
        message.Request.Headers.SetValue("x-ms-client-request-id", "7d1d0c9e-6f4b-4a55-9a51-2f4e0b3c1a10");
        message.Request.Content = RequestContent.Create(new byte[61]);

        new SharedKeyAuthenticationPolicy(Azurite, lite: false, new FakeTimeProvider(Now)).OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("x-ms-date", out var date));
        Assert.Equal("Mon, 23 Nov 2026 17:00:00 GMT", date);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("SharedKey devstoreaccount1:VcWLslUtkbLA4kGaXQsZXxl6gfUgUkZhlB2SJpGAaFo=", authorization);
    }

    [Fact]
    public void OnSendingRequest_TableEntity_MatchesKnownSharedKeyLiteVector()
    {
        using var message = NewMessage(RequestMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/cases(PartitionKey='t1',RowKey='c1')");

        new SharedKeyAuthenticationPolicy(Azurite, lite: true, new FakeTimeProvider(Now)).OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("SharedKeyLite devstoreaccount1:jNSUMhDdcmF2SCAjsYQ2LzowJEbqYbvWBMNiYbZFfuU=", authorization);
    }

    [Fact]
    public void BuildSharedKeyStringToSign_RepeatedAndEncodedQuery_SortsAndDecodes()
    {
        using var message = NewMessage(RequestMethod.Delete, "http://127.0.0.1:10001/devstoreaccount1/q/messages/abc?popreceipt=AQ%2BB%2F%3D%3D&Comp=x");

        var stringToSign = SharedKeyAuthenticationPolicy.BuildSharedKeyStringToSign("devstoreaccount1", message.Request);

        Assert.EndsWith("/devstoreaccount1/devstoreaccount1/q/messages/abc\ncomp:x\npopreceipt:AQ+B/==", stringToSign, StringComparison.Ordinal);
        Assert.StartsWith("DELETE\n\n\n\n", stringToSign, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeSignature_NotBase64Key_FailsWithoutEchoingTheKey()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => new StorageSharedKeyCredential("acct", "not*base64*secret"));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("acct", error.Message, StringComparison.Ordinal);
    }

    private static HttpMessage NewMessage(RequestMethod method, string uri)
    {
        var message = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        return message;
    }
}
