using System.Globalization;
using System.Text.RegularExpressions;
using TakedownFn.Domain.Validation;
using V = TakedownFn.Domain.Dsa.StatementValues;

namespace TakedownFn.Domain.Dsa;

/// <summary>
/// The EU Transparency Database's validation of one statement (its <c>StatementStoreRequest</c>
/// rules): required and conditional fields, enumerations, lengths and dates. Errors are keyed by
/// the database's field names (<c>decision_visibility[1]</c>). A statement the database would answer
/// with 422 never leaves the service; one invalid statement would reject its whole batch.
/// </summary>
/// <remarks>
/// Lengths are counted in characters (Unicode code points), as the database's PHP counts them
/// (<c>mb_strlen</c>); a value that is blank counts as absent, as its <c>required</c> rule does.
/// </remarks>
public static partial class StatementRules
{
    public const int MaxShortText = 500;
    public const int MaxExplanation = 2_000;
    public const int MaxDecisionFacts = 5_000;
    public const string Required = "is required";

    public static readonly DateOnly MinContentDate = new(2000, 1, 1);
    public static readonly DateOnly MinApplicationDate = new(2020, 1, 1);
    public static readonly DateOnly MaxDate = new(2038, 1, 1);

    /// <summary>Every rule <paramref name="s"/> breaks; empty when the database would accept it.</summary>
    public static IReadOnlyList<ValidationError> Check(StatementOfReasons s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var errors = new ErrorList();
        CheckDecisions(errors, s);

        Enum(errors, "decision_ground", s.DecisionGround, V.DecisionGrounds, required: true);
        Url(errors, "decision_ground_reference_url", s.DecisionGroundReferenceUrl);
        if (s.DecisionGround == V.GroundIllegal)
        {
            Text(errors, "illegal_content_legal_ground", s.IllegalContentLegalGround, MaxShortText, required: true);
            Text(errors, "illegal_content_explanation", s.IllegalContentExplanation, MaxExplanation, required: true);
        }
        else if (s.DecisionGround == V.GroundIncompatible)
        {
            Text(errors, "incompatible_content_ground", s.IncompatibleContentGround, MaxShortText, required: true);
            Text(errors, "incompatible_content_explanation", s.IncompatibleContentExplanation, MaxExplanation, required: true);
            Enum(errors, "incompatible_content_illegal", s.IncompatibleContentIllegal, V.IncompatibleContentIllegals, required: false);
        }

        List(errors, "content_type", s.ContentType, V.ContentTypes, required: true);
        if (s.ContentType?.Contains(V.ContentTypeOther, StringComparer.Ordinal) == true)
        {
            Text(errors, "content_type_other", s.ContentTypeOther, MaxShortText, required: true);
        }

        Enum(errors, "category", s.Category, DsaStatementCategories.All, required: true);
        List(errors, "category_specification", s.CategorySpecification, DsaKeywords.All, required: false);
        List(errors, "territorial_scope", s.TerritorialScope, V.TerritorialScopes, required: false);
        Enum(errors, "content_language", s.ContentLanguage, V.ContentLanguages, required: false);
        Date(errors, "content_date", s.ContentDate, MinContentDate, required: true);
        Date(errors, "application_date", s.ApplicationDate, MinApplicationDate, required: true);
        Date(errors, "end_date_account_restriction", s.EndDateAccountRestriction, DateOnly.MinValue, required: false);
        Text(errors, "decision_facts", s.DecisionFacts, MaxDecisionFacts, required: true);
        Enum(errors, "source_type", s.SourceType, V.SourceTypes, required: true);
        Enum(errors, "automated_detection", s.AutomatedDetection, V.AutomatedDetections, required: true);
        Enum(errors, "automated_decision", s.AutomatedDecision, V.AutomatedDecisions, required: true);
        if (Text(errors, "puid", s.Puid, MaxShortText, required: true) && !PuidPattern().IsMatch(s.Puid!))
        {
            errors.Add("puid", "must be letters, digits, '-' and '_' only");
        }

        return errors.ToReadOnlyList();
    }

    /// <summary>At least one restriction, each from its list; an "other" restriction says what it was.</summary>
    private static void CheckDecisions(ErrorList errors, StatementOfReasons s)
    {
        if (s.DecisionVisibility is not { Count: > 0 } && IsBlank(s.DecisionMonetary) && IsBlank(s.DecisionProvision) && IsBlank(s.DecisionAccount))
        {
            errors.Add("decision_visibility", "at least one of decision_visibility, decision_monetary, decision_provision and decision_account is required");
        }

        List(errors, "decision_visibility", s.DecisionVisibility, V.DecisionVisibilities, required: false);
        if (s.DecisionVisibility?.Contains(V.VisibilityOther, StringComparer.Ordinal) == true)
        {
            Text(errors, "decision_visibility_other", s.DecisionVisibilityOther, MaxShortText, required: true);
        }

        Enum(errors, "decision_monetary", s.DecisionMonetary, V.DecisionMonetaries, required: false);
        if (s.DecisionMonetary == V.MonetaryOther)
        {
            Text(errors, "decision_monetary_other", s.DecisionMonetaryOther, MaxShortText, required: true);
        }

        Enum(errors, "decision_provision", s.DecisionProvision, V.DecisionProvisions, required: false);
        Enum(errors, "decision_account", s.DecisionAccount, V.DecisionAccounts, required: false);
        Enum(errors, "account_type", s.AccountType, V.AccountTypes, required: false);
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Length in characters (code points), as the database counts.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    private static bool Text(ErrorList errors, string field, string? value, int max, bool required)
    {
        if (IsBlank(value))
        {
            if (required)
            {
                errors.Add(field, Required);
            }

            return false;
        }

        if (Length(value!) > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters"));
            return false;
        }

        return true;
    }

    private static void Enum(ErrorList errors, string field, string? value, IReadOnlyList<string> allowed, bool required)
    {
        if (IsBlank(value))
        {
            if (required)
            {
                errors.Add(field, Required);
            }
        }
        else if (!allowed.Contains(value!, StringComparer.Ordinal))
        {
            errors.Add(field, "is not one of the database's values");
        }
    }

    private static void List(ErrorList errors, string field, IReadOnlyList<string>? values, IReadOnlyList<string> allowed, bool required)
    {
        if (values is not { Count: > 0 })
        {
            if (required)
            {
                errors.Add(field, Required);
            }

            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!allowed.Contains(values[i], StringComparer.Ordinal))
            {
                errors.Add(ErrorList.Index(field, i), "is not one of the database's values");
            }
        }
    }

    private static void Date(ErrorList errors, string field, string? value, DateOnly min, bool required)
    {
        if (IsBlank(value))
        {
            if (required)
            {
                errors.Add(field, Required);
            }

            return;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "must be a date as YYYY-MM-DD");
        }
        else if (date < min || date > MaxDate)
        {
            errors.Add(field, min == DateOnly.MinValue
                ? "must be on or before 2038-01-01"
                : string.Create(CultureInfo.InvariantCulture, $"must be between {min:yyyy-MM-dd} and 2038-01-01"));
        }
    }

    private static void Url(ErrorList errors, string field, string? value)
    {
        if (Text(errors, field, value, MaxShortText, required: false)
            && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)))
        {
            errors.Add(field, "must be an absolute http or https URL");
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_-]+\z")]
    private static partial Regex PuidPattern();
}
