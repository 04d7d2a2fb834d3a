using System.Globalization;

namespace TakedownFn.Domain.Validation;

/// <summary>Collects errors while a DTO is parsed, so every bad field is reported at once.</summary>
internal sealed class ErrorList
{
    private readonly List<ValidationError> errors = [];

    public bool IsEmpty => errors.Count == 0;

    public int Count => errors.Count;

    public void Add(string field, string message) => errors.Add(new ValidationError(field, message));

    public IReadOnlyList<ValidationError> ToReadOnlyList() => errors.ToArray();

    public static string Index(string list, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    public static string Member(string parent, string name) => parent + "." + name;
}
