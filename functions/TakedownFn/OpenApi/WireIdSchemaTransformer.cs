using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TakedownFn.Cases;
using TakedownFn.Domain;
using TakedownFn.Domain.Cases;
using TakedownFn.Domain.Cases.Steps;
using TakedownFn.Domain.Notices;
using TakedownFn.Domain.Notices.Submission;
using TakedownFn.Domain.Sla;

namespace TakedownFn.OpenApi;

/// <summary>
/// The ids a request field takes, as <c>enum</c>: the fields are strings in the request types (so a
/// wrong id answers 400 naming the field rather than failing to read), but a client generator or a
/// reader of the document should see the ids the README's reference lists.
/// </summary>
internal sealed class WireIdSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<(Type, string), string[]> Ids = new()
    {
        [(typeof(NoticeSubmission), "regime")] = [.. Regimes.All.Select(r => r.Id)],
        [(typeof(StepSubmission), "kind")] = [.. Enum.GetValues<StepKind>().Where(k => !CaseSteps.IsServiceOnly(k)).Select(k => k.ToId())],
        [(typeof(RequestBodies.SlaOverrideRule), "regime")] = [.. Regimes.All.Select(r => r.Id)],
        [(typeof(RequestBodies.SlaOverrideRule), "stage")] = [.. WireIds.All<SlaStage>()],
        [(typeof(RequestBodies.SlaOverrideRule), "unit")] = [.. WireIds.All<DurationUnit>()],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { DeclaringType: var type, Name: var name } && Ids.TryGetValue((type, name), out var ids))
        {
            schema.Enum = [.. ids.Select(id => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(id))];
        }

        return Task.CompletedTask;
    }
}
