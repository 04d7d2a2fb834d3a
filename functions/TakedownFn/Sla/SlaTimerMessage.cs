using System.Text.Json;
using System.Text.Json.Serialization;
using TakedownFn.Domain.Sla;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue's message: one timer of one case. Ids and times only, no personal data. The
/// same message text is sent again for every hop, so a hop carries nothing but the due time.
/// </summary>
internal sealed record SlaTimerMessage(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("stage")] SlaStage Stage,
    [property: JsonPropertyName("kind")] SlaTimerKind Kind,
    [property: JsonPropertyName("dueAt")] DateTimeOffset DueAt,
    [property: JsonPropertyName("deadline")] DateTimeOffset Deadline)
{
    private static readonly JsonSerializerOptions Options = new(Storage.Cases.SlaJson.Options);

    public SlaTimer Timer => new(Stage, Kind, DueAt, Deadline);

    public static SlaTimerMessage For(string tenant, string caseId, SlaTimer timer) => new(tenant, caseId, timer.Stage, timer.Kind, timer.DueAt, timer.Deadline);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="FormatException">The text is not a timer message.</exception>
    public static SlaTimerMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<SlaTimerMessage>(text, Options);
            return message is { Tenant: not null, Case: not null } ? message : throw new FormatException("The timer message lacks tenant or case.");
        }
        catch (JsonException e)
        {
            throw new FormatException("The timer message is not JSON of the expected shape.", e);
        }
    }
}
