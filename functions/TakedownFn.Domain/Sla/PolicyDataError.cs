namespace TakedownFn.Domain.Sla;

/// <summary>
/// One thing wrong in a shipped data file (policy pack, tenant override, calendar), naming the
/// file, the item (e.g. <c>rule 3 (us-dmca/*/*/act)</c>) and the field, so whoever edits the file
/// can go straight to it.
/// </summary>
/// <param name="File">The file name, e.g. <c>policy-pack.v1.json</c>.</param>
/// <param name="Item">The rule or entry, or <see langword="null"/> for a top-level field.</param>
/// <param name="Field">The JSON property, e.g. <c>unit</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PolicyDataError(string File, string? Item, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Item is null ? $"{File}: '{Field}': {Message}" : $"{File}: {Item}: '{Field}': {Message}";
}

/// <summary>Thrown when shipped SLA data cannot be used; the message lists every error, one per line.</summary>
public sealed class PolicyDataException : Exception
{
    public PolicyDataException(IReadOnlyList<PolicyDataError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public PolicyDataException()
        : this([])
    {
    }

    public PolicyDataException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every error found, not only the first.</summary>
    public IReadOnlyList<PolicyDataError> Errors { get; }
}

/// <summary>The outcome of reading one data file: the value, or every error found.</summary>
public sealed class DataReadResult<T>
    where T : class
{
    private DataReadResult(T? value, IReadOnlyList<PolicyDataError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value when there are no errors.</summary>
    public T? Value { get; }

    /// <summary>Every error found; empty when <see cref="Value"/> is set.</summary>
    public IReadOnlyList<PolicyDataError> Errors { get; }

    /// <summary>The value, or a <see cref="PolicyDataException"/> listing every error.</summary>
    public T GetValueOrThrow() => Value ?? throw new PolicyDataException(Errors);

    internal static DataReadResult<T> From(T? value, IReadOnlyList<PolicyDataError> errors) =>
        errors.Count == 0 && value is not null ? new(value, []) : new(null, errors);
}
