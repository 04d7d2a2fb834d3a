using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TakedownFn.Hosting;

namespace TakedownFn.OpenApi;

/// <summary>
/// The document and the reference UI's page under the Functions host, whose requests reach
/// functions rather than endpoints: the standalone endpoints are mapped once on an app started
/// without a server (its pipeline, and so its endpoint list, exists only once started), the same
/// generator with the same transformers describes them, and the UI's own endpoint renders its page,
/// so both hosts serve one document and one page.
/// </summary>
internal sealed class OpenApiDocumentSource(IConfiguration configuration)
{
    private readonly Lazy<Task<Described>> described = new(() => GenerateAsync(configuration));

    public async Task<string> GetJsonAsync() => (await described.Value).Json;

    /// <summary>The reference UI's HTML page, as its endpoint renders it at <c>/api/docs/</c>.</summary>
    public async Task<string> GetDocsPageAsync() => (await described.Value).DocsPage;

    private static async Task<Described> GenerateAsync(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.AddTakedownApp();
        var server = new NoServer();
        builder.Services.AddSingleton<IServer>(server);
        await using var app = builder.Build();
        app.MapTakedownEndpoints();
        await app.StartAsync();
        try
        {
            var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiRegistration.DocumentName);
            var document = await provider.GetOpenApiDocumentAsync();
            var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
            var page = await server.GetAsync(OpenApiRegistration.DocsPath + "/");
            return new Described(json, System.Text.Encoding.UTF8.GetString(page));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private sealed record Described(string Json, string DocsPage);

    /// <summary>
    /// A server that listens nowhere: the app is started only to describe its endpoints, and to
    /// render the UI's page by passing one request through its pipeline.
    /// </summary>
    private sealed class NoServer : IServer
    {
        private Func<string, Task<byte[]>>? get;

        public IFeatureCollection Features { get; } = new FeatureCollection();

        /// <summary>The body of a GET of <paramref name="path"/> through the app's pipeline; only a 200 is expected.</summary>
        public Task<byte[]> GetAsync(string path) => get?.Invoke(path) ?? throw new InvalidOperationException("The app has not started.");

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            get = async path =>
            {
                using var body = new MemoryStream();
                var features = new FeatureCollection();
                features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = HttpMethods.Get, Path = path, Scheme = "http", Protocol = "HTTP/1.1", Headers = new HeaderDictionary { ["Host"] = "localhost" } });
                var response = new HttpResponseFeature();
                features.Set<IHttpResponseFeature>(response);
                features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
                var context = application.CreateContext(features);
                Exception? failure = null;
                try
                {
                    await application.ProcessRequestAsync(context);
                }
                catch (Exception e)
                {
                    failure = e;
                    throw;
                }
                finally
                {
                    application.DisposeContext(context, failure);
                }

                return response.StatusCode == StatusCodes.Status200OK
                    ? body.ToArray()
                    : throw new InvalidOperationException($"GET {path} answered {response.StatusCode}.");
            };
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
