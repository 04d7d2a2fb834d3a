using System.Diagnostics.CodeAnalysis;

namespace TakedownFn.Domain.Validation;

/// <summary>
/// The outcome of turning a submitted DTO into a domain value: either the value, or every
/// <see cref="ValidationError"/> found (never only the first).
/// </summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The parsed value when <see cref="IsValid"/>; otherwise <see langword="null"/>.</summary>
    public T? Value { get; }

    /// <summary>All errors found; empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static ParseResult<T> Success(T value) => new(value, []);

    public static ParseResult<T> Failure(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
