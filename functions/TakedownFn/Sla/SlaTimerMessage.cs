using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakedownFn.Sla;

/// <summary>
/// The timers queue's message: the tenant's timers due in the slot that ends at <see cref="SlotEnd"/>
/// (<see cref="SlaTimerSlots"/>) are due now. Ids and a time only, no personal data. A hop sends
/// the same text again, so a message carries nothing that changes on the way.
/// </summary>
internal sealed record SlaTimerMessage(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("slotEnd")] DateTimeOffset SlotEnd)
{
    private static readonly JsonSerializerOptions Options = new(Storage.Cases.SlaJson.Options);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <exception cref="FormatException">The text is not a timer message.</exception>
    public static SlaTimerMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<SlaTimerMessage>(text, Options);
            return message is { Tenant: not null } && message.SlotEnd != default
                ? message
                : throw new FormatException("The timer message lacks tenant or slot.");
        }
        catch (JsonException e)
        {
            throw new FormatException("The timer message is not JSON of the expected shape.", e);
        }
    }
}
