using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Functions;

namespace TakedownFn.Processing;

/// <summary>
/// Intake processing under the Functions host. A queue function throws when its handler fails, so
/// the host retries the message and, after maxDequeueCount, moves it to <c>intake-poison</c>.
/// </summary>
internal sealed class ProcessingFunctions(IntakeProcessor processor, IntakePoisonHandler poison, IntakeSweep sweep)
{
    [Function("ProcessIntake")]
    public Task ProcessIntake([QueueTrigger(QueueNames.Intake)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.HandleAsync(QueueDelivery.From(message), cancellationToken);

    [Function("RecordProcessingFailure")]
    public Task RecordProcessingFailure([QueueTrigger(QueueNames.IntakePoison)] QueueMessage message, CancellationToken cancellationToken) =>
        poison.HandleAsync(QueueDelivery.From(message), cancellationToken);

    [Function("SweepIntake")]
    public Task SweepIntake([TimerTrigger(Schedules.EveryMinute)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunAsync(cancellationToken);
}
