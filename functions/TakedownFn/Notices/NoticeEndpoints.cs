using System.Runtime.InteropServices;
using System.Text.Json;
using TakedownFn.Auth;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;

namespace TakedownFn.Notices;

/// <summary>
/// <c>POST /api/notices</c> (one notice) and <c>POST /api/notices/batch</c> (up to 100, each
/// answered on its own). Idempotent per tenant on the platform reference and on
/// <c>Idempotency-Key</c>: a repeat answers as the first did and writes nothing.
/// </summary>
internal static class NoticeEndpoints
{
    public const int MaxNoticeBytes = 256 * 1024;
    public const int MaxBatchNotices = 100;
    public const int MaxBatchBytes = 8 * 1024 * 1024;

    public static void MapNotices(this WebApplication app)
    {
        app.MapPost("/api/notices", SubmitAsync).RequireAuthorization(Policies.SubmitNotices);
        app.MapPost("/api/notices/batch", SubmitBatchAsync).RequireAuthorization(Policies.SubmitNotices);
    }

    internal static async Task<IResult> SubmitAsync(HttpContext context, NoticeAcceptance acceptance, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User);
        if (!IdempotencyKeyHeader.TryRead(context.Request, out var key, out var keyProblem))
        {
            return keyProblem!;
        }

        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxNoticeBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var notice = Read(body);
        var answer = (await acceptance.AcceptAsync(caller.Tenant, [notice], key, cancellationToken))[0];
        return answer.Status switch
        {
            StatusCodes.Status202Accepted => Accepted(context, answer),
            StatusCodes.Status400BadRequest => Problems.Validation(answer.Errors),
            _ => Problems.Unprocessable("Identifier reused", answer.Errors),
        };
    }

    internal static async Task<IResult> SubmitBatchAsync(HttpContext context, NoticeAcceptance acceptance, BatchIdempotency batches, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User);
        if (!IdempotencyKeyHeader.TryRead(context.Request, out var key, out var keyProblem))
        {
            return keyProblem!;
        }

        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBatchBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (notices, batchErrors) = ReadBatch(body);
        if (batchErrors.Count > 0)
        {
            return Problems.Validation(batchErrors);
        }

        if (key is null)
        {
            return TypedResults.Ok(await AcceptBatchAsync(caller.Tenant, notices, acceptance, cancellationToken));
        }

        // With Idempotency-Key the whole request is the unit: a retry answers the recorded answer
        // byte for byte and accepts nothing again (its notices' references already do that).
        var outcome = await batches.RunAsync(
            caller.Tenant,
            key,
            body,
            async ct => JsonSerializer.SerializeToUtf8Bytes(await AcceptBatchAsync(caller.Tenant, notices, acceptance, ct), JsonBody.Options),
            cancellationToken);
        if (outcome.Answer is null)
        {
            return Problems.Unprocessable("Identifier reused", [new ValidationError(IdempotencyKeyHeader.Name, "was used before for a different batch")]);
        }

        if (outcome.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Bytes(outcome.Answer, "application/json");
    }

    private static async Task<BatchAnswer> AcceptBatchAsync(string tenantId, IReadOnlyList<SubmittedNotice> notices, NoticeAcceptance acceptance, CancellationToken cancellationToken)
    {
        var answers = await acceptance.AcceptAsync(tenantId, notices, idempotencyKey: null, cancellationToken);
        return new BatchAnswer(answers.Select((a, i) => new BatchItemAnswer(
            i,
            a.Status,
            a.CaseId,
            a.CaseId is null ? null : CaseLocation(a.CaseId),
            a.Replayed,
            a.Errors.Count == 0 ? null : a.Errors.ToErrorDictionary())).ToList());
    }

    private static IResult Accepted(HttpContext context, NoticeAnswer answer)
    {
        if (answer.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        var location = CaseLocation(answer.CaseId!);
        return TypedResults.Accepted(location, new AcceptedNotice(answer.CaseId!, "received", location));
    }

    private static string CaseLocation(string caseId) => $"/api/cases/{caseId}";

    private static SubmittedNotice Read(ReadOnlyMemory<byte> json)
    {
        var (submission, errors) = JsonBody.Deserialize<NoticeSubmission>(json.Span);
        return new SubmittedNotice(json, submission, errors);
    }

    /// <summary>A batch is <c>{"notices": [...]}</c>; each element is read (and may fail) on its own.</summary>
    private static (IReadOnlyList<SubmittedNotice> Notices, IReadOnlyList<ValidationError> Errors) ReadBatch(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = JsonBody.Options.MaxDepth });
        }
        catch (JsonException)
        {
            return ([], [new ValidationError("$", "The body is not valid JSON.")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("notices", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return ([], [new ValidationError("notices", "must be an array of notices")]);
            }

            // The envelope is read as a document (each notice is then read on its own, where a
            // duplicated field is that notice's 400); a second "notices" would hide the first.
            if (root.EnumerateObject().Count(p => p.Name == "notices") > 1)
            {
                return ([], [new ValidationError("notices", JsonBody.Duplicated)]);
            }

            if (root.EnumerateObject().Any(p => p.Name != "notices"))
            {
                return ([], [new ValidationError(root.EnumerateObject().First(p => p.Name != "notices").Name, "This field is not part of the schema.")]);
            }

            var count = array.GetArrayLength();
            if (count is 0 or > MaxBatchNotices)
            {
                return ([], [new ValidationError("notices", $"must hold 1 to {MaxBatchNotices} notices")]);
            }

            var notices = new List<SubmittedNotice>(count);
            foreach (var element in array.EnumerateArray())
            {
                // The notice's bytes as sent (re-serializing would unescape its strings, and fail on a
                // lone surrogate that the notice's own reading answers with a 400).
                var json = JsonMarshal.GetRawUtf8Value(element).ToArray();
                notices.Add(json.Length > MaxNoticeBytes
                    ? new SubmittedNotice(json, null, [new ValidationError("$", $"A notice must be at most {MaxNoticeBytes / 1024} KiB.")])
                    : Read(json));
            }

            return (notices, []);
        }
    }

    /// <summary>The answer to an accepted notice.</summary>
    internal sealed record AcceptedNotice(string CaseId, string State, string Location);

    /// <summary>The answer to a batch: one entry per submitted notice, in order.</summary>
    internal sealed record BatchAnswer(IReadOnlyList<BatchItemAnswer> Results);

    internal sealed record BatchItemAnswer(int Index, int Status, string? CaseId, string? Location, bool Replayed, IDictionary<string, string[]>? Errors);
}
