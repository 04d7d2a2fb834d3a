using System.Text.RegularExpressions;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// Checks a <c>statement-of-reasons-sent</c> step's <see cref="StatementFields"/> when it is recorded,
/// with the database's own rules (<see cref="StatementRules"/>) on everything the platform gives, so
/// that a statement the database would refuse is refused at once with the field named
/// (<c>statement.decisionGround</c>). The parts the service adds are checked at export.
/// </summary>
public static partial class StatementIntake
{
    /// <summary>The step field the statement is recorded in.</summary>
    public const string Field = "statement";

    /// <summary>Derived by the service from the case, so never the platform's error.</summary>
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal)
    {
        "puid", "category", "category_specification", "source_type", "application_date", "end_date_account_restriction",
    };

    /// <summary>Every problem with <paramref name="fields"/>, keyed by the step's JSON path.</summary>
    /// <param name="fields">The submitted statement fields.</param>
    /// <param name="occurredAt">The step's claimed time (stands in for the restriction's date, which the case supplies).</param>
    public static IReadOnlyList<ValidationError> Check(StatementFields fields, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(fields);

        // The restrictions come from the case's steps at export; one stands in here so that a statement
        // whose decision is only the case's recorded removal is not refused for lacking one.
        var provisional = Statements.Build(new StatementCase(
            "provisional", Regimes.EuDsa16, Categories.IllegalContent, null, [new StatementRestriction(StepKind.ContentRemoved, occurredAt, [])], fields));
        var errors = new ErrorList();
        foreach (var error in StatementRules.Check(provisional).Where(e => !Derived.Contains(BaseName(e.Field))))
        {
            errors.Add(PathOf(error.Field), error.Message);
        }

        PersonalData(errors, "decisionFacts", fields.DecisionFacts);
        PersonalData(errors, "illegalContentLegalGround", fields.IllegalContentLegalGround);
        PersonalData(errors, "illegalContentExplanation", fields.IllegalContentExplanation);
        PersonalData(errors, "incompatibleContentGround", fields.IncompatibleContentGround);
        PersonalData(errors, "incompatibleContentExplanation", fields.IncompatibleContentExplanation);
        PersonalData(errors, "decisionVisibilityOther", fields.DecisionVisibilityOther);
        PersonalData(errors, "decisionMonetaryOther", fields.DecisionMonetaryOther);
        PersonalData(errors, "contentTypeOther", fields.ContentTypeOther);
        return errors.ToReadOnlyList();
    }

    /// <summary>The step's JSON path of a database field: <c>decision_visibility[1]</c> is <c>statement.decisionVisibility[1]</c>.</summary>
    public static string PathOf(string databaseField)
    {
        var name = BaseName(databaseField);
        var parts = name.Split('_');
        var camel = parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return ErrorList.Member(Field, camel + databaseField[name.Length..]);
    }

    private static string BaseName(string field) => field.Split('[')[0];

    /// <summary>
    /// Art. 24(5): statements hold no personal data. The texts are the platform's; this screen refuses
    /// the patterns a careless copy lets through (an email address, a phone or ID number as a run of
    /// nine or more digits). It is a screen, not a guarantee.
    /// </summary>
    private static void PersonalData(ErrorList errors, string field, string? text)
    {
        if (text is not null && (Email().IsMatch(text) || LongNumber().IsMatch(text)))
        {
            errors.Add(ErrorList.Member(Field, field), "must not contain personal data such as an email address or a phone or ID number");
        }
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\d{9,}")]
    private static partial Regex LongNumber();
}
