using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace TakedownFn.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document, generated from the endpoints' metadata (so an endpoint another feature
/// maps appears without an edit here), and its reference UI. The transformers add what the handlers
/// cannot say in their signatures: the <c>X-Api-Key</c> scheme, the problem-details errors, and the
/// parameters, request bodies and answers of handlers that read and write them themselves.
/// </summary>
internal static class OpenApiRegistration
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/openapi.json";
    public const string DocsPath = "/api/docs";

    public static void AddTakedownOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OpenApiDocumentSource>();
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer<ApiKeySchemeTransformer>();
            options.AddSchemaTransformer<NullableSchemaTransformer>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
            options.AddSchemaTransformer<WireIdSchemaTransformer>();
            options.AddOperationTransformer<ParameterTransformer>();
            options.AddOperationTransformer<RequestBodyTransformer>();
            // The endpoint's own answers first: the generic problems below only fill in the rest.
            options.AddOperationTransformer<ResponseBodyTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
        });
    }

    /// <summary>The document and the UI; both anonymous, as the document names no secret.</summary>
    public static void MapOpenApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        // Scalar.AspNetCore serves its script from the assembly's embedded files: no CDN at run time.
        app.MapScalarApiReference(DocsPath, options => options.WithOpenApiRoutePattern(DocumentPath).WithTitle("TakedownFn API")).AllowAnonymous();
    }
}
