using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Storage;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Functions;

/// <summary>
/// The app as a custom handler: no pumps of its own; the host posts queue and timer invocations
/// to <c>/{FunctionName}</c> in its envelope. The messages posted here are read from the real
/// intake queue, as the host would read them.
/// </summary>
public sealed class CustomHandlerInvocationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TakedownFnFactory _app = null!;
    private TestTenant _tenant = null!;
    private HttpClient _host = null!;

    public async Task InitializeAsync()
    {
        _app = new TakedownFnFactory(azurite.Server, new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" });
        _tenant = await _app.CreateTenantAsync();
        _host = _app.CreateClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> Encodings() => ["string", "double-encoded", "binary"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task ProcessIntake_HostEnvelope_TriagesTheCaseAndAnswersTheHostShape(string encoding)
    {
        var caseId = await SubmitAsync();
        var message = await TakeIntakeMessageAsync();

        var response = await InvokeAsync("ProcessIntake", QueueData(message.MessageText, encoding), message.DequeueCount, message.MessageId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("triaged", view.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ProcessIntake_Redelivered_WritesNoStepTwice()
    {
        var caseId = await SubmitAsync();
        var message = await TakeIntakeMessageAsync();

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            var response = await InvokeAsync("ProcessIntake", QueueData(message.MessageText, "string"), delivery, message.MessageId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal(["received", "validated", "triaged"], view.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task ProcessIntake_UnreadableMessage_AnswersNon2xxSoTheHostRetries()
    {
        var response = await InvokeAsync("ProcessIntake", JsonSerializer.Serialize("not an intake message"), 1, "m-x");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("ProcessIntake failed", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordProcessingFailure_PoisonedMessage_ShowsProcessingFailedToOfficers()
    {
        var caseId = await SubmitAsync();
        var message = await TakeIntakeMessageAsync();

        var response = await InvokeAsync("RecordProcessingFailure", QueueData(message.MessageText, "string"), 1, "poison-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await _tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
        Assert.Equal("processing-failed", view.GetProperty("state").GetString());
        Assert.Equal("processing-failed", view.GetProperty("timeline")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task SweepIntake_TimerEnvelope_Answers200()
    {
        const string timer = "{\"Data\":{\"timer\":{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":false}},\"Metadata\":{\"sys\":{\"MethodName\":\"SweepIntake\",\"UtcNow\":\"2026-11-23T17:00:00Z\",\"RandGuid\":\"3f9a\"}}}";

        var response = await _host.PostAsync(new Uri("/SweepIntake", UriKind.Relative), new StringContent(timer, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invocation_NotJson_AnswersNon2xx()
    {
        var response = await _host.PostAsync(new Uri("/ProcessIntake", UriKind.Relative), new StringContent("<xml/>", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private async Task<string> SubmitAsync()
    {
        var response = await _tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;
    }

    /// <summary>Takes the intake message off the real queue, as the host does before invoking.</summary>
    private async Task<Azure.Storage.Queues.Models.QueueMessage> TakeIntakeMessageAsync()
    {
        var queue = _app.Services.GetRequiredService<StorageClients>().Intake;
        var messages = await Eventually.GetAsync(async () => (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value, m => m.Length == 1);
        return Assert.Single(messages);
    }

    private static string QueueData(string text, string encoding) => encoding switch
    {
        "string" => JsonSerializer.Serialize(text),
        "double-encoded" => JsonSerializer.Serialize(JsonSerializer.Serialize(text)),
        _ => JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(text))),
    };

    private Task<HttpResponseMessage> InvokeAsync(string function, string value, long dequeueCount, string messageId)
    {
        var now = JsonSerializer.Serialize(DateTimeOffset.UtcNow.ToString("O"));
        // Metadata strings arrive JSON-encoded a second time, as the host serializes them.
        var envelope =
            $"{{\"Data\":{{\"message\":{value}}}," +
            $"\"Metadata\":{{\"DequeueCount\":{dequeueCount},\"ExpirationTime\":{now},\"Id\":{JsonSerializer.Serialize(JsonSerializer.Serialize(messageId))}," +
            $"\"InsertionTime\":{now},\"NextVisibleTime\":{now},\"PopReceipt\":\"\\\"AgAAAAMAAAAAAAAA\\\"\"," +
            $"\"sys\":{{\"MethodName\":\"{function}\",\"UtcNow\":{now},\"RandGuid\":\"8c1b\"}}}}}}";
        return _host.PostAsync(new Uri($"/{function}", UriKind.Relative), new StringContent(envelope, Encoding.UTF8, "application/json"));
    }
}
