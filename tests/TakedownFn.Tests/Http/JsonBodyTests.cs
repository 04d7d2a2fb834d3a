using System.Text;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Http;

namespace TakedownFn.Tests.Http;

/// <summary>How request bodies are read: a duplicated property is refused wherever it is, by its path.</summary>
public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("""{"regime":"us-dmca","regime":"eu-dsa"}""", "regime")]
    [InlineData("""{"notifier":{"name":"A","role":"victim","name":"B"}}""", "notifier.name")]
    [InlineData("""{"items":[{"url":"https://a.example/1"},{"url":"https://a.example/2","url":"https://a.example/3"}]}""", "items[1].url")]
    [InlineData("""{"declarations":{"goodFaith":true,"goodFaith":false}}""", "declarations.goodFaith")]
    public void Deserialize_DuplicatedProperty_NamesItsPath(string json, string field)
    {
        var (value, errors) = JsonBody.Deserialize<NoticeSubmission>(Encoding.UTF8.GetBytes(json));

        Assert.Null(value);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(JsonBody.Duplicated, error.Message);
    }

    [Fact]
    public void Deserialize_DuplicatedPropertyWithPersonalValue_DoesNotEchoIt()
    {
        var (_, errors) = JsonBody.Deserialize<NoticeSubmission>("""{"explanation":"110105194912310021","explanation":"13800000000"}"""u8);

        Assert.DoesNotContain(errors, e => e.Message.Contains("1101051949", StringComparison.Ordinal) || e.Message.Contains("138000", StringComparison.Ordinal));
    }
}
