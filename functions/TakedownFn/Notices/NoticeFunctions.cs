using Microsoft.AspNetCore.Authorization;
using Microsoft.Azure.Functions.Worker;
using TakedownFn.Auth;

namespace TakedownFn.Notices;

/// <summary>The notice intake under the Functions host; the same handlers as <see cref="NoticeEndpoints"/>.</summary>
internal sealed class NoticeFunctions(NoticeAcceptance acceptance, BatchIdempotency batches)
{
    [Function("SubmitNotice")]
    [Authorize(Policy = Policies.SubmitNotices)]
    public Task<IResult> SubmitNotice([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices")] HttpRequest request) =>
        NoticeEndpoints.SubmitAsync(request.HttpContext, acceptance, request.HttpContext.RequestAborted);

    [Function("SubmitNoticeBatch")]
    [Authorize(Policy = Policies.SubmitNotices)]
    public Task<IResult> SubmitNoticeBatch([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "notices/batch")] HttpRequest request) =>
        NoticeEndpoints.SubmitBatchAsync(request.HttpContext, acceptance, batches, request.HttpContext.RequestAborted);
}
