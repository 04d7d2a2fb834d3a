using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownFn.OpenApi;

/// <summary>
/// Adds the RFC 9457 answers an endpoint can give besides its success: 400 with the invalid fields
/// when it reads a query, header or body (413 and 415 for a body too), 401/403/429 when it requires
/// a key, 404 when its path names something. An answer <see cref="ResponseBodies"/> already gave is kept.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var authorized = description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any()
            && !description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var hasBody = RequestBodies.For(description.HttpMethod, description.RelativePath) is not null;
        var takesInput = hasBody
            || QueryParameters.For(description.HttpMethod, description.RelativePath) is not null
            || description.ParameterDescriptions.Any(p => p.Source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
        var hasPathId = description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;
        operation.Responses ??= new OpenApiResponses();

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        if (takesInput)
        {
            var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
            Add(operation, "400", "Invalid input; `errors` maps each field's JSON path (or parameter name) to its messages.", validation);
        }

        if (hasBody)
        {
            Add(operation, "413", "The body is larger than this endpoint takes.", problem);
            Add(operation, "415", "The body is not sent as application/json.", problem);
        }

        if (authorized)
        {
            Add(operation, "401", "No valid X-Api-Key.", problem);
            Add(operation, "403", "The key's role may not call this endpoint.", problem);
            Add(operation, "429", "Rate limit of the tenant or key reached; see Retry-After.", problem, Headers.RetryAfter);
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

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema, Header? header = null) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [Answer.ProblemJson] = new OpenApiMediaType { Schema = schema } },
            Headers = header is null ? null : new Dictionary<string, IOpenApiHeader> { [header.Name] = ResponseBodyTransformer.Describe(header) },
        });
}
