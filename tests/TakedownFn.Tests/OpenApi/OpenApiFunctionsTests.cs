using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.OpenApi;
using TakedownFn.Testing;

namespace TakedownFn.Tests.OpenApi;

/// <summary>
/// The reference UI under the Functions host (<see cref="OpenApiFunctions.GetApiDocs"/>, called as the
/// host calls it): the standalone host's page, and its scripts from the Scalar package, byte for byte.
/// </summary>
public partial class OpenApiFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task GetApiDocs_PageAndEachScript_AreWhatTheStandaloneHostServes()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        using var client = app.CreateClient();
        var functions = new OpenApiFunctions(ActivatorUtilities.CreateInstance<OpenApiDocumentSource>(app.Services));

        var (status, _, page) = await CallAsync(app, functions, "/api/docs/", "");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(await client.GetStringAsync(OpenApiRegistration.DocsPath + "/"), Encoding.UTF8.GetString(page));
        var scripts = ScriptSource().Matches(Encoding.UTF8.GetString(page)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["scalar.js", "scalar.aspnetcore.js"], scripts);
        foreach (var script in scripts)
        {
            var (scriptStatus, contentType, body) = await CallAsync(app, functions, $"/api/docs/{script}", script);

            Assert.Equal(StatusCodes.Status200OK, scriptStatus);
            Assert.Equal("text/javascript", contentType);
            Assert.Equal(await client.GetByteArrayAsync($"{OpenApiRegistration.DocsPath}/{script}"), body);
        }
    }

    [Fact]
    public async Task GetApiDocs_ClientAcceptingGzip_GetsTheScriptCompressed()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        using var client = app.CreateClient();
        var functions = new OpenApiFunctions(ActivatorUtilities.CreateInstance<OpenApiDocumentSource>(app.Services));

        var context = await ExecuteAsync(app, functions, "/api/docs/scalar.js", "scalar.js", acceptEncoding: "gzip, br");
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(((MemoryStream)context.Response.Body).ToArray()), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);

        Assert.Equal("gzip", context.Response.Headers.ContentEncoding.ToString());
        Assert.Equal(await client.GetByteArrayAsync($"{OpenApiRegistration.DocsPath}/scalar.js"), plain.ToArray());
    }

    [Fact]
    public async Task GetApiDocs_WithoutTrailingSlash_RedirectsToThePage()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var functions = new OpenApiFunctions(ActivatorUtilities.CreateInstance<OpenApiDocumentSource>(app.Services));

        var context = await ExecuteAsync(app, functions, "/api/docs", null);

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("docs/", context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task GetApiDocs_UnknownFile_IsNotFound()
    {
        await using var app = new TakedownFnFactory(azurite.Server);
        var functions = new OpenApiFunctions(ActivatorUtilities.CreateInstance<OpenApiDocumentSource>(app.Services));

        var (status, _, _) = await CallAsync(app, functions, "/api/docs/secrets.json", "secrets.json");

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    private static async Task<(int Status, string? ContentType, byte[] Body)> CallAsync(TakedownFnFactory app, OpenApiFunctions functions, string path, string? file)
    {
        var context = await ExecuteAsync(app, functions, path, file);
        return (context.Response.StatusCode, context.Response.ContentType?.Split(';')[0], ((MemoryStream)context.Response.Body).ToArray());
    }

    private static async Task<HttpContext> ExecuteAsync(TakedownFnFactory app, OpenApiFunctions functions, string path, string? file, string? acceptEncoding = null)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var result = await functions.GetApiDocs(context.Request, file);
        await result.ExecuteAsync(context);
        return context;
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
