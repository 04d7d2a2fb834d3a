using System.Text.Json;
using System.Text.Json.Serialization;
using TakedownFn.Auth;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Events;
using TakedownFn.Domain.Validation;
using TakedownFn.Http;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Sla;
using TakedownFn.Processing;
using TakedownFn.Sla;
using TakedownFn.Storage.Cases;
using TakedownFn.Storage.Incidents;

namespace TakedownFn.Cases;

/// <summary>
/// Reading a tenant's cases and recording the platform's steps. Another tenant's case answers 404
/// exactly as an unknown id does: the tenant comes from the caller's key, never from the request.
/// </summary>
internal static class CaseEndpoints
{
    private const int MaxStepBytes = 32 * 1024;
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;
    private const int MaxAppendAttempts = 5;

    private static readonly JsonSerializerOptions DetailsOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void MapCases(this WebApplication app)
    {
        app.MapGet("/api/cases/{id}", GetAsync).RequireAuthorization(Policies.ReadCases);
        app.MapGet("/api/cases", ListAsync).RequireAuthorization(Policies.ReadCases);
        app.MapPost("/api/cases/{id}/steps", RecordStepAsync).RequireAuthorization(Policies.SubmitNotices);
    }

    internal static async Task<IResult> GetAsync(
        string id, HttpContext context, CaseStore cases, IncidentStore incidents, CalendarCatalog calendars, SlaOptions sla, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = Caller.From(context.User).Tenant;
        var stored = await cases.GetAsync(tenant, id, withNotice: false, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound("case");
        }

        var events = await cases.GetEventsAsync(tenant, id, cancellationToken);
        var plan = stored.Case.Policy is { } policy ? CaseSla.Plan(policy, SlaFacts.From(events), calendars, time, sla.WarningFraction) : null;
        var incident = stored.Case.PersonalData is null ? null : await incidents.IncidentOfCaseAsync(tenant, id, cancellationToken);
        return TypedResults.Ok(CaseView.From(stored.Case, events, time.GetUtcNow(), plan) with { Incident = incident });
    }

    /// <summary>
    /// The query is read here rather than bound by the framework, so that both hosts answer a bad
    /// <c>from</c>, <c>to</c> or <c>pageSize</c> with the same problem details naming the field.
    /// </summary>
    internal static async Task<IResult> ListAsync(HttpContext context, CaseStore cases, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var query = context.Request.Query;
        string? state = query["state"], regime = query["regime"], continuation = query["continuation"];
        var from = QueryValues.Time(query, "from", errors);
        var to = QueryValues.Time(query, "to", errors);
        var pageSize = QueryValues.Int(query, "pageSize", $"must be 1 to {MaxPageSize}", errors);
        if (state is not null && !WireIds.TryParse(state, out CaseState _))
        {
            errors.Add(new ValidationError("state", "is not a known case state"));
        }

        if (regime is not null && !Domain.Notices.Regimes.TryGet(regime, out _))
        {
            errors.Add(new ValidationError("regime", "is not a known regime"));
        }

        if (from is not null && to is not null && from > to)
        {
            errors.Add(new ValidationError("to", "must not be before from"));
        }

        if (pageSize is < 1 or > MaxPageSize && !errors.Any(e => e.Field == "pageSize"))
        {
            errors.Add(new ValidationError("pageSize", $"must be 1 to {MaxPageSize}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var tenant = Caller.From(context.User).Tenant;
        try
        {
            var page = await cases.ListAsync(tenant, new CaseQuery(state, regime, from, to), pageSize ?? DefaultPageSize, continuation, cancellationToken);
            var now = time.GetUtcNow();
            return TypedResults.Ok(new CasePage(page.Values.Select(c => CaseView.From(c, null, now)).ToList(), page.ContinuationToken));
        }
        catch (ArgumentException)
        {
            // The only argument from the caller that the store checks itself is the token.
            return Problems.Validation([new ValidationError("continuation", "is not a token this API issued")]);
        }
    }

    internal static async Task<IResult> RecordStepAsync(
        string id, HttpContext context, CaseStore cases, IntakeQueue intake, SlaTimerQueue timers, SlaRecorder recorder, CalendarCatalog calendars, SlaOptions sla, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(context.User);
        if (!IdempotencyKeyHeader.TryRead(context.Request, out var key, out var keyProblem))
        {
            return keyProblem!;
        }

        var (body, problem) = await JsonBody.ReadBytesAsync(context.Request, MaxStepBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (submission, errors) = JsonBody.Deserialize<StepSubmission>(body.Span);
        var now = time.GetUtcNow();
        var parsed = errors.Count > 0 ? ParseResult<CaseStep>.Failure(errors) : StepIntake.Parse(submission, now);
        if (!parsed.IsValid)
        {
            return Problems.Validation(parsed.Errors);
        }

        var step = parsed.Value!;
        if (CaseSteps.IsServiceOnly(step.Kind))
        {
            return Problems.Validation([new ValidationError("kind", "is recorded by the service, not reported")]);
        }

        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            var stored = await cases.GetAsync(caller.Tenant, id, withNotice: false, cancellationToken);
            if (stored is null)
            {
                return Problems.NotFound("case");
            }

            var current = stored.Case;
            if (step.Kind == StepKind.StatementOfReasonsSent && step.Statement is null && current.Regime == Regimes.EuDsa16)
            {
                // Art. 24(5): the statement goes to the EU Transparency Database, which needs these fields.
                return Problems.Validation([new ValidationError(Domain.Dsa.StatementIntake.Field, "is required for a case under eu-dsa-16")]);
            }

            // The claimed time is kept as evidence only; the SLA is judged on the service's clock.
            switch (ClaimedTime.Check(step.OccurredAt, current.ReceivedAt, time, NoticeLimits.FutureTolerance))
            {
                case ClaimedTimeVerdict.InFuture:
                    return Problems.Validation([new ValidationError("occurredAt", "must not be in the future")]);
                case ClaimedTimeVerdict.BeforeReceipt:
                    return Problems.Validation([new ValidationError("occurredAt", "must not be before the notice was received")]);
            }

            IReadOnlyList<CaseEventRecord>? events = null;
            if (step.CorrectsStepId is { } corrected
                && !(events = await cases.GetEventsAsync(caller.Tenant, id, cancellationToken)).Any(e => e.EventId == corrected))
            {
                return Problems.Validation([new ValidationError("correctsStepId", "is not a step of this case")]);
            }

            var state = WireIds.TryParse(current.State, out CaseState s) ? s : throw new InvalidOperationException($"Case {id} has an unknown state.");
            var notice = WireIds.TryParse(current.Validation, out NoticeValidity v) ? v : throw new InvalidOperationException($"Case {id} has an unknown validation.");
            var decision = CaseStateMachine.Decide(state, notice, step);
            if (decision is TransitionResult.Rejected rejected)
            {
                // A retry of a step the case took already (the step itself moved the case on):
                // answered as a replay, like a retry that reaches the write.
                return key is not null && await cases.StepForKeyAsync(caller.Tenant, id, key, cancellationToken) is { } recorded
                    ? await ReplayedAsync(context, cases, caller.Tenant, id, recorded, step, cancellationToken)
                    : NotAllowed(step.Kind, current, rejected);
            }

            if (step.Kind == StepKind.NoticeSupplemented && StepIntake.CheckSupplement(step, current.MissingElements) is { Count: > 0 } supplementErrors)
            {
                return Problems.Validation(supplementErrors);
            }

            var allowed = (TransitionResult.Allowed)decision;
            var sequence = current.StepCount + 1;
            var record = new CaseEventRecord
            {
                EventId = EventIds.For(id, step.Kind, $"{sequence}"),
                CaseId = id,
                Sequence = sequence,
                Kind = step.Kind.ToId(),
                RecordedAt = now,
                OccurredAt = step.OccurredAt,
                Details = JsonSerializer.Serialize(step, DetailsOptions),
                Actor = caller.KeyId,
                CorrectsStepId = step.CorrectsStepId,
            };
            var requeue = allowed.NewState == CaseState.Received;
            var updated = current with { State = allowed.NewState.ToId(), Validation = allowed.Notice.ToId(), StepCount = sequence };
            CaseEventRecord[] records = [record];
            if (step.Kind == StepKind.NoticeSupplemented)
            {
                // The notice is complete now: the service records so in the same write.
                var (validated, validatedRecord) = Triage.Supplemented(updated, now);
                (updated, records) = (validated, [record, validatedRecord]);
            }

            if (current.Policy is not null && (StepSlaEffects.Table.Any(r => r.Step == step.Kind) || allowed.NewState == CaseState.Closed))
            {
                // The step starts, pauses, resumes, stops or completes a stage clock: recompute the
                // case's timers and write their index rows with the step.
                events ??= await cases.GetEventsAsync(caller.Tenant, id, cancellationToken);
                (updated, _) = CaseSlaState.Apply(updated, [.. events, .. records], calendars, time, sla.WarningFraction);
            }

            var change = SlaIndexChange.Between(current, updated);
            var result = await cases.AppendAsync(updated, records, requeue: requeue, stepIdempotencyKey: key, sla: change, cancellationToken: cancellationToken);
            switch (result.Status)
            {
                case AppendStatus.Appended:
                    if (await timers.ScheduleAsync(caller.Tenant, change.AddTimers, cancellationToken))
                    {
                        await recorder.FireAsync(caller.Tenant, id, cancellationToken);
                    }

                    if (requeue)
                    {
                        await intake.SendAsync(new IntakeMessage(caller.Tenant, [id]), cancellationToken);
                    }

                    return TypedResults.Created($"/api/cases/{id}", new RecordedStep(record.EventId, sequence, record.Kind, updated.State, now, Replayed: false));
                case AppendStatus.DuplicateStep:
                    return await ReplayedAsync(context, cases, caller.Tenant, id, result.ExistingEventId!, step, cancellationToken);
            }
        }

        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Case busy", "The case changed on every try; retry the request.");
    }

    /// <summary>409: the step does not fit the case's state, or (a supplement) its notice, with the steps that would.</summary>
    private static IResult NotAllowed(StepKind kind, CaseRecord current, TransitionResult.Rejected rejected)
    {
        var detail = rejected.RefusedForNotice
            ? $"A {kind.ToId()} step needs an incomplete notice; this case's notice is {rejected.Notice.ToId()}."
            : $"A {kind.ToId()} step cannot follow the case's current state.";
        return Problems.Status(StatusCodes.Status409Conflict, "Step not allowed now", detail, new Dictionary<string, object?>
        {
            ["currentState"] = current.State,
            ["validation"] = current.Validation,
            ["allowedNextSteps"] = rejected.AllowedNextSteps.Where(k => !CaseSteps.IsServiceOnly(k)).Select(k => k.ToId()).ToList(),
        });
    }

    /// <summary>
    /// A request whose <c>Idempotency-Key</c> already recorded a step: a retry of that step (same
    /// kind and details) answers it again; a different step under the key answers 422, as a reused
    /// notice key does, rather than passing off the first step as this one.
    /// </summary>
    private static async Task<IResult> ReplayedAsync(
        HttpContext context, CaseStore cases, string tenant, string caseId, string eventId, CaseStep step, CancellationToken cancellationToken)
    {
        var recorded = (await cases.GetEventsAsync(tenant, caseId, cancellationToken)).FirstOrDefault(e => e.EventId == eventId);
        if (recorded is null || recorded.Kind != step.Kind.ToId() || recorded.Details != JsonSerializer.Serialize(step, DetailsOptions))
        {
            return Problems.Unprocessable("Identifier reused", [new ValidationError(IdempotencyKeyHeader.Name, "was used before for a different step")]);
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Ok(new RecordedStep(eventId, null, recorded.Kind, null, null, Replayed: true));
    }

    internal sealed record CasePage(IReadOnlyList<CaseView> Cases, string? Continuation);

    internal sealed record RecordedStep(string EventId, int? Sequence, string Kind, string? State, DateTimeOffset? RecordedAt, bool Replayed);
}
