namespace TakedownFn.Domain.Notices;

/// <summary>
/// Second level of validation: whether a well-formed notice holds every element its regime requires.
/// An incomplete notice is still accepted and stored, recorded as incomplete with what it lacks.
/// </summary>
public abstract record CompletenessResult
{
    private CompletenessResult()
    {
    }

    /// <summary>Every required element is present.</summary>
    public sealed record Valid : CompletenessResult;

    /// <summary>The notice lacks <see cref="Missing"/> (never empty), in the regime's order of elements.</summary>
    public sealed record Incomplete(IReadOnlyList<MissingElement> Missing) : CompletenessResult;
}
