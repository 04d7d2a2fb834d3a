using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>
/// Every problem the app answers carries the request's W3C trace id (<c>traceId</c>, added by the
/// problem-details service), which an operator finds the request's logs by.
/// </summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) && schema.Properties is { } properties)
        {
            properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace id, for the operator's logs." };
        }

        return Task.CompletedTask;
    }
}
