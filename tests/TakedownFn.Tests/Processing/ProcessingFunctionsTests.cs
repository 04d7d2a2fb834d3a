using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Auth;
using TakedownFn.Functions;
using TakedownFn.Processing;
using TakedownFn.Tenants;
using TakedownFn.Tests.Hosting;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Processing;

/// <summary>
/// The worker's queue and timer functions, invoked as the Functions host invokes them, on real
/// messages of the worker's (unprefixed) intake queue in Azurite.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class ProcessingFunctionsTests(WorkerFixture worker)
{
    [Fact]
    public async Task ProcessIntake_AcceptedNoticesMessage_TriagesTheCase()
    {
        var (keys, caseId) = await SubmitAsync();
        var message = await ReceiveMessageForAsync(caseId);

        await Functions().ProcessIntake(message, CancellationToken.None);

        var answer = await worker.InvokeHttpAsync("GetCase", "GET", $"/api/cases/{caseId}", keys.Officer);
        Assert.Equal(200, answer.Status);
        Assert.Equal("triaged", JsonDocument.Parse(answer.Body).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task ProcessIntake_MessageThatIsNoIntakeMessage_ThrowsSoTheHostRetriesIt()
    {
        var message = QueuesModelFactory.QueueMessage("id-1", "receipt", BinaryData.FromString("{\"unexpected\":true}"), dequeueCount: 1);

        await Assert.ThrowsAnyAsync<Exception>(() => Functions().ProcessIntake(message, CancellationToken.None));
    }

    [Fact]
    public async Task SweepIntake_CaseStillUnprocessedAMinuteLater_EnqueuesItAgain()
    {
        var (_, caseId) = await SubmitAsync();
        await ReceiveMessageForAsync(caseId); // the first message is lost: received and never deleted
        worker.Time.Advance(TimeSpan.FromMinutes(2));

        await Functions().SweepIntake(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);

        var again = await ReceiveMessageForAsync(caseId);
        Assert.Contains(caseId, Cases(again));
    }

    private ProcessingFunctions Functions() => ActivatorUtilities.CreateInstance<ProcessingFunctions>(worker.Services);

    private async Task<((string Platform, string Officer) Keys, string CaseId)> SubmitAsync()
    {
        var admin = worker.Services.GetRequiredService<TenantAdministration>();
        var tenant = await admin.CreateTenantAsync("Worker platform", CancellationToken.None);
        var platform = (await admin.IssueKeyAsync(tenant.TenantId, Role.Platform, CancellationToken.None)).Key;
        var officer = (await admin.IssueKeyAsync(tenant.TenantId, Role.Officer, CancellationToken.None)).Key;
        // Received a minute before the worker's clock (a fake one that other tests move), never after it.
        var notice = SampleNotices.Doxxing();
        notice["receivedAt"] = worker.Time.GetUtcNow().AddMinutes(-1).ToString("O");
        var accepted = await worker.InvokeHttpAsync("SubmitNotice", "POST", "/api/notices", platform, notice.ToJsonString());
        Assert.True(accepted.Status == 202, accepted.Body);
        return ((platform, officer), JsonDocument.Parse(accepted.Body).RootElement.GetProperty("caseId").GetString()!);
    }

    /// <summary>
    /// Receives intake messages (hidden for a minute, as the host's lease would) until one names
    /// the case; messages of other tests are made visible again at once.
    /// </summary>
    private async Task<QueueMessage> ReceiveMessageForAsync(string caseId)
    {
        var queue = worker.Queue(QueueNames.Intake);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value)
            {
                if (Cases(message).Contains(caseId))
                {
                    return message;
                }

                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No intake message names case {caseId}.");
    }

    private static List<string> Cases(QueueMessage message) =>
        [.. JsonDocument.Parse(message.Body.ToString()).RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetString()!)];
}
