namespace TakedownFn.Functions;

/// <summary>
/// The queues the Functions host's triggers read: the unprefixed names of
/// <see cref="Storage.StorageResources"/> (the host knows no storage prefix). Attributes need constants.
/// </summary>
internal static class QueueNames
{
    public const string Intake = "intake";
    public const string IntakePoison = "intake-poison";
    public const string Timers = "timers";
    public const string Escalations = "escalations";
}

/// <summary>Six-field NCRONTAB schedules (with seconds), as <see cref="TimerFunctionTrigger.Schedule"/> writes them.</summary>
internal static class Schedules
{
    public const string EveryMinute = "0 */1 * * * *";
    public const string EveryTwoSeconds = "*/2 * * * * *";
}
