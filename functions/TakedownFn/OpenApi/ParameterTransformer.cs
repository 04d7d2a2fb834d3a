using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>Adds the query and header parameters the handlers read themselves (<see cref="QueryParameters"/>).</summary>
internal sealed class ParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (QueryParameters.For(context.Description.HttpMethod, context.Description.RelativePath) is { } parameters)
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters.Where(p => !operation.Parameters.Any(o => o.Name == p.Name && o.In == p.In)))
            {
                operation.Parameters.Add(parameter.ToOpenApi());
            }
        }

        return Task.CompletedTask;
    }
}
