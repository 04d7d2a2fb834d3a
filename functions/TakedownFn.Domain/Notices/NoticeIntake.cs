using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;

namespace TakedownFn.Domain.Notices;

/// <summary>
/// First level of validation: is the submitted notice well-formed? A notice that is not is rejected
/// and never stored (HTTP 400 listing every bad field); one that is becomes a <see cref="Notice"/>,
/// whose legal completeness is judged separately by <see cref="LegalCompleteness"/>.
/// </summary>
public static partial class NoticeIntake
{
    /// <summary>The field path used for errors about the body as a whole.</summary>
    public const string RootField = "$";

    /// <summary>
    /// Parses a submission, reporting every error found. Optional strings that are blank count as
    /// absent. Pure: <paramref name="now"/> is the service's acceptance time, used only to refuse a
    /// received time after it: the stage clocks start at the earlier of the two (the platform's
    /// receipt), so a platform can lose time by its own delay but never gain any by a later claim.
    /// </summary>
    public static ParseResult<Notice> Parse(NoticeSubmission? submission, DateTimeOffset now)
    {
        var errors = new ErrorList();
        if (submission is null)
        {
            errors.Add(RootField, "a notice is required");
            return ParseResult<Notice>.Failure(errors.ToReadOnlyList());
        }

        var regime = ParseRegime(errors, submission.Regime);
        var category = ParseCategory(errors, regime, submission.Category);
        var items = ParseItems(errors, submission.Items);
        var notifier = ParseNotifier(errors, submission.Notifier);
        var explanation = TextRules.Optional(errors, "explanation", submission.Explanation, NoticeLimits.MaxExplanationLength, multiline: true);
        var evidence = ParseEvidence(errors, submission.Evidence);
        var signature = TextRules.Optional(errors, "signature", submission.Signature, NoticeLimits.MaxSignatureLength);
        var platformReference = TextRules.Require(errors, "platformReference", submission.PlatformReference, NoticeLimits.MaxPlatformReferenceLength);
        var receivedAt = ParseReceivedAt(errors, submission.ReceivedAt, now);
        var severity = ParseSeverity(errors, submission.Severity);
        var topic = ParseTopic(errors, submission.Topic);
        var victimAccount = TextRules.Optional(errors, "victimAccount", submission.VictimAccount, NoticeLimits.MaxAccountLength);
        var channel = ParseChannel(errors, submission.Channel);

        if (!errors.IsEmpty || regime is null || category is null || items is null || platformReference is null || receivedAt is null || channel is null)
        {
            return ParseResult<Notice>.Failure(errors.ToReadOnlyList());
        }

        var declarations = submission.Declarations;
        return ParseResult<Notice>.Success(new Notice
        {
            Regime = regime.Id,
            Category = category,
            Items = items,
            Notifier = notifier,
            Explanation = explanation,
            Evidence = evidence,
            Declarations = declarations is null
                ? Declarations.None
                : new Declarations(
                    declarations.GoodFaith ?? false,
                    declarations.Accuracy ?? false,
                    declarations.AuthorityUnderPenaltyOfPerjury ?? false),
            Signature = signature,
            PlatformReference = platformReference,
            ReceivedAt = receivedAt.Value,
            Severity = severity,
            Topic = topic,
            VictimAccount = victimAccount,
            Channel = channel,
        });
    }

    private static Regime? ParseRegime(ErrorList errors, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("regime", TextRules.Required);
            return null;
        }

        if (!Regimes.TryGet(id, out var regime))
        {
            errors.Add("regime", "is not a known regime; expected one of: " + string.Join(", ", Regimes.All.Select(r => r.Id)));
        }

        return regime;
    }

    /// <summary>A category is only judged against a known regime; with an unknown regime, only its absence is reported.</summary>
    private static string? ParseCategory(ErrorList errors, Regime? regime, string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            errors.Add("category", TextRules.Required);
            return null;
        }

        if (regime is null)
        {
            return null;
        }

        if (!regime.Allows(category))
        {
            errors.Add("category", $"is not a category of regime {regime.Id}; expected one of: " + string.Join(", ", regime.Categories));
            return null;
        }

        return category;
    }

    private static DateTimeOffset? ParseReceivedAt(ErrorList errors, DateTimeOffset? receivedAt, DateTimeOffset now)
    {
        if (receivedAt is null)
        {
            errors.Add("receivedAt", TextRules.Required);
            return null;
        }

        if (receivedAt.Value > now)
        {
            errors.Add("receivedAt", "must not be after the service accepts the notice");
            return null;
        }

        return receivedAt;
    }

    private static List<string> ParseEvidence(ErrorList errors, IReadOnlyList<string?>? evidence)
    {
        var parsed = new List<string>();
        if (evidence is null)
        {
            return parsed;
        }

        if (evidence.Count > NoticeLimits.MaxEvidenceEntries)
        {
            errors.Add("evidence", $"must contain at most {NoticeLimits.MaxEvidenceEntries} entries");
            return parsed;
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            var value = TextRules.Require(errors, ErrorList.Index("evidence", i), evidence[i], NoticeLimits.MaxEvidenceLength);
            if (value is not null)
            {
                parsed.Add(value);
            }
        }

        return parsed;
    }
}
