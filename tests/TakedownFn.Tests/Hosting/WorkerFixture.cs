using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TakedownFn.Auth;
using TakedownFn.Hosting;
using TakedownFn.Storage;
using TakedownFn.Tests.Functions;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Hosting;

/// <summary>
/// The isolated worker's service registration, built as <see cref="WorkerApp"/> builds it (with
/// ValidateOnBuild and ValidateScopes) against Azurite, but not started: there is no Functions host
/// here to connect to. Tests invoke the function classes the way the host's invocation does: the
/// class activated from the worker's services, our authorization middleware around the call, and
/// the returned IResult executed on the request's HttpContext. The worker uses the unprefixed
/// queues and tables (it refuses a prefix), so its tests share one collection.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    /// <summary>The worker's clock, which the tests move.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public AzuriteServer Azurite => _azurite.Server;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var builder = WorkerApp.CreateBuilder(["--AzureWebJobsStorage", _azurite.Server.ConnectionString])
            ?? throw new InvalidOperationException("The worker refused to start.");
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        Host = builder.Build();
        // What the provisioner (a hosted service) does when the worker starts.
        await Services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Invokes an HTTP function as the host would for this request: route values from the function's
    /// route, the authorization middleware, the function, then its result written to the response.
    /// </summary>
    public async Task<HttpAnswer> InvokeHttpAsync(string functionName, string method, string pathAndQuery, string? apiKey, string? body = null)
    {
        var function = GeneratedFunctions.Read().Single(f => f.Name == functionName);
        await using var scope = Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var (path, query) = pathAndQuery.Split('?', 2) is [var p, var q] ? (p, "?" + q) : (pathAndQuery, "");
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        if (apiKey is not null)
        {
            http.Request.Headers[ApiKeys.HeaderName] = apiKey;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            http.Request.ContentType = "application/json; charset=utf-8";
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
        }

        var response = new MemoryStream();
        http.Response.Body = response;
        var routeValues = RouteValues(function.Trigger.Route!, path["/api/".Length..]);
        var entryPoint = function.EntryPoint;
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(WorkerApp).Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        var methodInfo = type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance)!;
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);

        await FunctionAuthorizationMiddleware.AuthorizeAsync(http, FunctionAuthorizationMiddleware.PolicyOf(entryPoint), async () =>
        {
            var arguments = methodInfo.GetParameters()
                .Select(p => p.ParameterType == typeof(HttpRequest) ? http.Request : (object)routeValues[p.Name!])
                .ToArray();
            var returned = methodInfo.Invoke(instance, arguments);
            var result = returned is Task<IResult> task ? await task : (IResult)returned!;
            await result.ExecuteAsync(http);
        });

        return new HttpAnswer(
            http.Response.StatusCode,
            http.Response.ContentType,
            http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            Encoding.UTF8.GetString(response.ToArray()));
    }

    /// <summary>A client of the worker's queue as the Functions host reads it (base64 messages).</summary>
    public QueueClient Queue(string name) =>
        new(_azurite.Server.ConnectionString, name, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06) { MessageEncoding = QueueMessageEncoding.Base64 });

    private static Dictionary<string, string> RouteValues(string template, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (segment, value) in template.Split('/').Zip(path.Split('/')))
        {
            if (segment.StartsWith('{'))
            {
                values[segment.Trim('{', '}')] = Uri.UnescapeDataString(value);
            }
        }

        return values;
    }
}

/// <summary>What a user sees of an HTTP answer.</summary>
public sealed record HttpAnswer(int Status, string? ContentType, string? Location, string Body)
{
    /// <summary>
    /// The answer with what legitimately differs between two deployments replaced: per-request trace
    /// ids, latencies and clock readings (the worker's clock is the tests'), generated ids, and the
    /// standalone host's storage prefix in resource names.
    /// </summary>
    public HttpAnswer Normalized(IReadOnlyDictionary<string, string> replacements, string? storagePrefix = null)
    {
        string Replace(string text) => replacements.Aggregate(text, (t, r) => t.Replace(r.Key, r.Value, StringComparison.Ordinal));
        var body = Body;
        if (body.Length > 0 && JsonNode.Parse(body) is { } json)
        {
            Scrub(json, storagePrefix);
            body = json.ToJsonString();
        }

        return this with { Location = Location is null ? null : Replace(Location), Body = Replace(body) };
    }

    private static void Scrub(JsonNode node, string? storagePrefix)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("traceId");
                obj.Remove("latencyMs");
                obj.Remove("asOf");
                foreach (var (name, child) in obj.ToList())
                {
                    if (name == "name" && storagePrefix is { Length: > 0 } && child?.GetValue<string>() is { } text && text.StartsWith(storagePrefix, StringComparison.Ordinal))
                    {
                        obj[name] = text[storagePrefix.Length..];
                    }
                    else if (child is not null)
                    {
                        Scrub(child, storagePrefix);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Scrub(child, storagePrefix);
                }

                break;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "isolated worker";
}
