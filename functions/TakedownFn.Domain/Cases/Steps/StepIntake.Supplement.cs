using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Cases.Steps;

public static partial class StepIntake
{
    /// <summary>
    /// Checks a parsed <see cref="StepKind.NoticeSupplemented"/> step against what the case's notice
    /// lacks: every element it names must be missing, and every missing element must be named. A
    /// supplement of some elements only leaves the notice incomplete and its clocks paused, so it is
    /// reported once the rest has come too. Errors are keyed as the step was submitted
    /// (<c>suppliedElements[1]</c>) and name element ids, never what was supplied.
    /// </summary>
    /// <param name="step">The parsed step.</param>
    /// <param name="missingElements">The element ids the case's notice lacks.</param>
    public static IReadOnlyList<ValidationError> CheckSupplement(CaseStep step, IReadOnlyList<string> missingElements)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(missingElements);
        var errors = new ErrorList();
        for (var i = 0; i < step.SuppliedElements.Count; i++)
        {
            if (!missingElements.Contains(step.SuppliedElements[i], StringComparer.Ordinal))
            {
                errors.Add(ErrorList.Index("suppliedElements", i), "is not missing from this case's notice");
            }
        }

        var stillMissing = missingElements.Except(step.SuppliedElements, StringComparer.Ordinal).ToArray();
        if (stillMissing.Length > 0)
        {
            errors.Add("suppliedElements", "must name every missing element; still missing: " + string.Join(", ", stillMissing));
        }

        return errors.ToReadOnlyList();
    }
}
