using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakedownFn.Processing;

/// <summary>
/// The intake queue's message: cases of one tenant to validate and triage. Ids only, so the
/// queue never holds personal data; a batch of notices travels as one message.
/// </summary>
internal sealed record IntakeMessage(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("cases")] IReadOnlyList<string> Cases)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="FormatException">The text is not an intake message.</exception>
    public static IntakeMessage Parse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<IntakeMessage>(text);
            return message is { Tenant: not null, Cases: not null } ? message : throw new FormatException("The intake message lacks tenant or cases.");
        }
        catch (JsonException e)
        {
            throw new FormatException("The intake message is not JSON of the expected shape.", e);
        }
    }
}
