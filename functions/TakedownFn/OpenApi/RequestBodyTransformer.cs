using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>The JSON body of the endpoints that read it themselves (to name fields in their 400s).</summary>
internal sealed class RequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not null || RequestBodies.For(context.Description.HttpMethod, context.Description.RelativePath) is not { } type)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
