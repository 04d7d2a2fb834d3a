using TakedownFn.Domain.Validation;

namespace TakedownFn.Http;

/// <summary>The optional <c>Idempotency-Key</c> request header: a repeat with the same key answers as the first did.</summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The key (null when absent), or the problem to answer when it is malformed.</summary>
    public static bool TryRead(HttpRequest request, out string? key, out IResult? problem)
    {
        key = request.Headers[Name].ToString();
        problem = null;
        if (key.Length == 0)
        {
            key = null;
            return true;
        }

        if (key.Length > MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            problem = Problems.Validation([new ValidationError(Name, $"must be 1 to {MaxLength} printable ASCII characters")]);
            return false;
        }

        return true;
    }
}
