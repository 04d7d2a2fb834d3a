using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>
/// Adds the RFC 9457 answers an endpoint can give besides its success: 400 with the invalid fields
/// when it takes input, 401/403/429 when it requires a key, 404 when its path names something.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var authorized = description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
            && !description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var takesInput = description.ParameterDescriptions.Count > 0 || RequestBodies.For(description.HttpMethod, description.RelativePath) is not null;
        var hasPathId = description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;
        operation.Responses ??= new OpenApiResponses();

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        if (takesInput)
        {
            var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
            Add(operation, "400", "Invalid input; `errors` maps each field's JSON path to its messages.", validation);
        }

        if (authorized)
        {
            Add(operation, "401", "No valid X-Api-Key.", problem);
            Add(operation, "403", "The key's role may not call this endpoint.", problem);
            Add(operation, "429", "Rate limit of the tenant or key reached; see Retry-After.", problem);
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeySchemeTransformer.SchemeId, context.Document)] = [],
            });
        }

        if (hasPathId)
        {
            Add(operation, "404", "Nothing with that id in the key's tenant.", problem);
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new OpenApiMediaType { Schema = schema } },
        });
}
