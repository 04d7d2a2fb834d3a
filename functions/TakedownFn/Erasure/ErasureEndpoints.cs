using TakedownFn.Auth;
using TakedownFn.Domain.Retention;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;

namespace TakedownFn.Erasure;

/// <summary>
/// <c>POST /api/cases/{id}/erasure</c> (officers): erases the case's personal data (PIPL Art. 47,
/// GDPR Art. 17) by destroying its data key, or answers 409 naming the legal hold that prevents it.
/// A repeated request answers as the first did and writes nothing.
/// </summary>
internal static class ErasureEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    public static void MapErasure(this WebApplication app) =>
        app.MapPost("/api/cases/{id}/erasure", EraseAsync).RequireAuthorization(Policies.ErasePersonalData)
            .WithSummary("Erase a case's personal data (officers)")
            .WithDescription("Destroys the case's data key (PIPL Art. 47, GDPR Art. 17) and answers which notice fields were erased and from where, never their values. "
                + "409 names the legal hold (an evidence-preserved step with evidence.legalHold true, until one with false) that prevents it. A repeated request answers the same and writes nothing.")
            .Produces<ErasureAnswer>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<IResult> EraseAsync(string id, HttpContext context, CaseErasures erasures, CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User);
        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, errors) = JsonBody.Deserialize<ErasureRequest>(body.Span);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (request!.LegalBasis is not { } basis || !LegalBases.Requestable.Contains(basis))
        {
            return Problems.Validation([new ValidationError("legalBasis", $"must be one of {string.Join(", ", LegalBases.Requestable)}")]);
        }

        return await erasures.EraseAsync(caller.Tenant, id, CaseErasures.Request, basis, caller.KeyId, cancellationToken) switch
        {
            ErasureOutcome.Erased erased => TypedResults.Ok(ErasureAnswer.From(id, erased.Erasure)),
            ErasureOutcome.Held held => Problems.Status(
                StatusCodes.Status409Conflict,
                "Legal hold",
                $"A legal hold set by step {held.Hold.StepId} at {held.Hold.SetAt:O} is on; nothing was erased. Release it with an evidence-preserved step whose evidence.legalHold is false.",
                new Dictionary<string, object?>
                {
                    ["hold"] = new { stepId = held.Hold.StepId, setAt = held.Hold.SetAt },
                    ["refusalStepId"] = held.RefusalStepId,
                }),
            ErasureOutcome.NotYetProcessed => Problems.Status(
                StatusCodes.Status409Conflict, "Not yet processed", "The case's notice is still being judged; retry in a few seconds."),
            ErasureOutcome.NotFound => Problems.NotFound("case"),
            _ => Problems.Status(StatusCodes.Status503ServiceUnavailable, "Case busy", "The case changed on every try; retry the request."),
        };
    }
}
