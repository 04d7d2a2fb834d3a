namespace TakedownFn.Functions;

/// <summary>How a function is triggered (the standalone host's catalog).</summary>
internal abstract record FunctionTrigger;

/// <summary>An HTTP function, served at <c>/api/{Route}</c>.</summary>
internal sealed record HttpFunctionTrigger(string Route, params string[] Methods) : FunctionTrigger;

/// <summary>A queue-triggered function.</summary>
internal sealed record QueueFunctionTrigger(string QueueName) : FunctionTrigger;

/// <summary>A timer function firing every <see cref="Period"/> (whole seconds, dividing a minute or an hour).</summary>
internal sealed record TimerFunctionTrigger(TimeSpan Period) : FunctionTrigger
{
    /// <summary>The six-field NCRONTAB expression the Functions host reads.</summary>
    public string Schedule => Period.TotalSeconds switch
    {
        < 60 and var s when 60 % s == 0 => $"*/{s} * * * * *",
        var s when s % 60 == 0 && s < 3600 && 60 % (s / 60) == 0 => $"0 */{s / 60} * * * *",
        _ => throw new InvalidOperationException($"A timer period of {Period} has no simple NCRONTAB form."),
    };
}

/// <summary>
/// One function of the app: its name (the [Function] name under the Functions host), its trigger and,
/// for queue and timer functions, the <see cref="IQueueHandler"/> or <see cref="ITimerHandler"/>
/// that serves it in both hosting modes.
/// </summary>
internal sealed record FunctionDefinition(string Name, FunctionTrigger Trigger, Type? Handler = null);
