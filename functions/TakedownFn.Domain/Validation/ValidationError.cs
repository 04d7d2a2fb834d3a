namespace TakedownFn.Domain.Validation;

/// <summary>
/// One rule a submitted field breaks. <see cref="Field"/> is the JSON path of the field as the client
/// sent it (<c>items[3].url</c>, <c>notifier.contact.email</c>, <c>$</c> for the whole body), so the HTTP
/// layer can key an RFC 9457 <c>errors</c> dictionary by it.
/// </summary>
/// <remarks>
/// <see cref="Message"/> names the rule only and never repeats the submitted value: notices carry
/// names, addresses and ID numbers, and error responses end up in logs and client traces.
/// </remarks>
public sealed record ValidationError(string Field, string Message);
