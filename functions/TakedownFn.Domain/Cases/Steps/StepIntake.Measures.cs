using TakedownFn.Domain.Surge;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Cases.Steps;

public static partial class StepIntake
{
    /// <summary>
    /// A <c>surge-response</c>'s <c>measures</c>: one or more of the ids <see cref="SurgeMeasures"/>
    /// recommends, each once; anything else the platform did goes in <c>reason</c>.
    /// </summary>
    private static string[]? ParseMeasures(ErrorList errors, IReadOnlyList<string?>? measures, bool required)
    {
        if (measures is null || measures.Count == 0)
        {
            if (required)
            {
                errors.Add("measures", $"is required: one or more of {string.Join(", ", SurgeMeasures.Recommended)}");
            }

            return null;
        }

        for (var i = 0; i < measures.Count; i++)
        {
            if (measures[i] is not { } measure || !SurgeMeasures.Recommended.Contains(measure, StringComparer.Ordinal))
            {
                errors.Add($"measures[{i}]", $"must be one of {string.Join(", ", SurgeMeasures.Recommended)}");
            }
            else if (measures.Take(i).Contains(measure, StringComparer.Ordinal))
            {
                errors.Add($"measures[{i}]", "is listed twice");
            }
        }

        return [.. measures.OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
