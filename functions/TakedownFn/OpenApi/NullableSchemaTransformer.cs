using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>
/// A property declared nullable (<c>SeverityView?</c>) is written as <c>null</c> when it has no
/// value; the generator marks nullable strings and numbers so, but not nullable objects and arrays.
/// </summary>
internal sealed class NullableSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { IsGetNullable: true } && schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Object) || type.HasFlag(JsonSchemaType.Array)))
        {
            schema.Type = type | JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }
}
