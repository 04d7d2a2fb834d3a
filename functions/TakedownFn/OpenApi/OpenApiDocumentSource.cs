using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TakedownFn.Hosting;

namespace TakedownFn.OpenApi;

/// <summary>
/// The document under the Functions host, whose requests reach functions rather than endpoints:
/// the standalone endpoints are mapped once on an app started without a server (its pipeline, and
/// so its endpoint list, exists only once started), and the same generator with the same
/// transformers describes them, so both hosts serve one document.
/// </summary>
internal sealed class OpenApiDocumentSource(IConfiguration configuration)
{
    private readonly Lazy<Task<string>> json = new(() => GenerateAsync(configuration));

    public Task<string> GetJsonAsync() => json.Value;

    private static async Task<string> GenerateAsync(IConfiguration configuration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.AddTakedownApp();
        builder.Services.AddSingleton<IServer, NoServer>();
        await using var app = builder.Build();
        app.MapTakedownEndpoints();
        await app.StartAsync();
        try
        {
            var provider = app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiRegistration.DocumentName);
            var document = await provider.GetOpenApiDocumentAsync();
            return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>A server that listens nowhere: the app is started only to describe its endpoints.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
