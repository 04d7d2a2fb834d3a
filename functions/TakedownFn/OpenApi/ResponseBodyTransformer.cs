using System.Text.Json.Schema;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace TakedownFn.OpenApi;

/// <summary>
/// Describes each endpoint's answers from <see cref="ResponseBodies"/>, in place of the bodiless
/// <c>200</c> the generator infers from a handler returning <see cref="IResult"/>.
/// </summary>
internal sealed class ResponseBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (ResponseBodies.For(context.Description.HttpMethod, context.Description.RelativePath) is not { } answers)
        {
            return;
        }

        operation.Responses = new OpenApiResponses();
        foreach (var answer in answers)
        {
            var content = new Dictionary<string, OpenApiMediaType>();
            foreach (var body in answer.Bodies)
            {
                content[body.MediaType] = new OpenApiMediaType { Schema = await SchemaAsync(body, context, cancellationToken) };
            }

            operation.Responses[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = answer.Description,
                Content = content,
                Headers = answer.Headers.Count == 0 ? null : answer.Headers.ToDictionary(h => h.Name, IOpenApiHeader (h) => Describe(h)),
            };
        }
    }

    public static OpenApiHeader Describe(Header header) => new()
    {
        Description = header.Description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = header.Example is null ? null : System.Text.Json.Nodes.JsonValue.Create(header.Example),
    };

    private static async Task<IOpenApiSchema> SchemaAsync(Body body, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (body.Type is null)
        {
            return new OpenApiSchema { Type = JsonSchemaType.String, Format = body.Format };
        }

        if (body.Options is null)
        {
            return await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        }

        // Serialized by the handler with its own options (e.g. enums as kebab-case names): the
        // schema comes from System.Text.Json's exporter with those options, inline.
        // (A copy: the exporter needs read-only options, which the handler's become at first use only.)
        var options = new System.Text.Json.JsonSerializerOptions(body.Options);
        options.MakeReadOnly(populateMissingResolver: true);
        var exported = options.GetJsonSchemaAsNode(body.Type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        exported = Inline(exported, exported, depth: 0);
        AnyAsEmpty(exported);
        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(exported.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, context.Document ?? new OpenApiDocument(), out var diagnostic, "json");
        return schema ?? throw new InvalidOperationException($"The schema of {body.Type.Name} does not read back: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
    }

    /// <summary>
    /// The exporter writes <c>true</c> for "any JSON" (a <see cref="System.Text.Json.JsonElement"/>);
    /// the OpenAPI reader takes only object schemas, so <c>{}</c>, which means the same.
    /// </summary>
    private static void AnyAsEmpty(System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is not System.Text.Json.Nodes.JsonObject schema)
        {
            return;
        }

        foreach (var (name, child) in schema.ToList())
        {
            if (name is "properties" && child is System.Text.Json.Nodes.JsonObject properties)
            {
                foreach (var (property, value) in properties.ToList())
                {
                    if (value?.GetValueKind() == System.Text.Json.JsonValueKind.True)
                    {
                        properties[property] = new System.Text.Json.Nodes.JsonObject();
                    }

                    AnyAsEmpty(properties[property]);
                }
            }
            else if (name is "items" or "additionalProperties" && child?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                schema[name] = new System.Text.Json.Nodes.JsonObject();
            }
            else
            {
                AnyAsEmpty(child);
            }
        }
    }

    /// <summary>
    /// The exporter refers to a type's second occurrence by a pointer into its own output
    /// (<c>#/properties/…</c>), which means nothing inside the OpenAPI document: each is replaced by
    /// a copy of what it points to.
    /// </summary>
    private static System.Text.Json.Nodes.JsonNode Inline(System.Text.Json.Nodes.JsonNode node, System.Text.Json.Nodes.JsonNode root, int depth)
    {
        const int MaxDepth = 32;
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o when o["$ref"]?.GetValue<string>() is { } pointer && pointer.StartsWith("#/", StringComparison.Ordinal) && depth < MaxDepth:
                var target = pointer[2..].Split('/').Aggregate((System.Text.Json.Nodes.JsonNode?)root, (n, segment) => n?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
                    ?? throw new InvalidOperationException($"The exported schema has no {pointer}.");
                var copy = Inline(target.DeepClone(), root, depth + 1).AsObject();
                foreach (var (name, value) in o.Where(p => p.Key != "$ref").ToList())
                {
                    copy[name] = value?.DeepClone();
                }

                return copy;
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (value is not null)
                    {
                        o[name] = Inline(value.DeepClone(), root, depth + 1);
                    }
                }

                return o;
            case System.Text.Json.Nodes.JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        a[i] = Inline(item.DeepClone(), root, depth + 1);
                    }
                }

                return a;
            default:
                return node;
        }
    }
}
