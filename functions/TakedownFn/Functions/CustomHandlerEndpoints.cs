using System.Text.Json;

namespace TakedownFn.Functions;

/// <summary>
/// Under the Functions host, queue and timer invocations arrive as <c>POST /{FunctionName}</c> with
/// the host's envelope. Success answers 200 with the host's response shape; a failure answers 500,
/// which fails the invocation (the host retries and, for queues, poisons after maxDequeueCount).
/// Mapped only in custom-handler mode, where the app listens on loopback for the host alone.
/// </summary>
internal static partial class CustomHandlerEndpoints
{
    public static void MapCustomHandlerInvocations(this WebApplication app, IEnumerable<FunctionDefinition> functions)
    {
        foreach (var function in functions.Where(f => f.Handler is not null))
        {
            app.MapPost($"/{function.Name}", (HttpContext context, ILogger<FunctionDefinition> logger, CancellationToken cancellationToken) =>
                InvokeAsync(function, context, logger, cancellationToken)).ExcludeFromDescription();
        }
    }

    private static async Task<IResult> InvokeAsync(FunctionDefinition function, HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        JsonElement envelope;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            envelope = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Failure("The invocation body is not JSON.");
        }

        try
        {
            var handler = context.RequestServices.GetRequiredService(function.Handler!);
            switch (handler)
            {
                case IQueueHandler queue:
                    await queue.HandleAsync(CustomHandlerEnvelope.ReadQueueInvocation(envelope), cancellationToken);
                    break;
                case ITimerHandler timer:
                    await timer.RunAsync(cancellationToken);
                    break;
            }

            return Results.Json(CustomHandlerEnvelope.Answer([$"{function.Name} completed"]));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogInvocationFailed(logger, e, function.Name);
            // The exception type only: messages may quote stored values.
            return Failure($"{function.Name} failed: {e.GetType().Name}");
        }
    }

    private static IResult Failure(string log) =>
        Results.Json(CustomHandlerEnvelope.Answer([log]), statusCode: StatusCodes.Status500InternalServerError);

    [LoggerMessage(EventId = 130, Level = LogLevel.Error, Message = "{Function}: invocation failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string function);
}
