using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TakedownFn.Dashboard;
using TakedownFn.Testing;

namespace TakedownFn.Tests.Dashboard;

/// <summary>
/// How both hosts serve the dashboard and <c>GET /api/me</c>; what the pages do in a browser is
/// tested in TakedownFn.Browser.Tests.
/// </summary>
public sealed class DashboardTests(AzuriteFixture azurite) : TenantTestBase(azurite)
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/api/dashboard/")]
    public async Task Dashboard_Page_IsServedWithAPolicyThatAllowsOnlyThisOrigin(string path)
    {
        using var response = await App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<script src=\"vendor/chart.umd.min.js\"></script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_BarePath_RedirectsToTheFolderSoRelativeUrlsResolve()
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Dashboard_ChartLibrary_IsThePinnedPackagesFile()
    {
        var pinned = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.FullPath, "node_modules", "chart.js", "dist", "chart.umd.min.js"));
        using var response = await App.CreateClient().GetAsync("/dashboard/vendor/chart.umd.min.js");

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pinned, await response.Content.ReadAsByteArrayAsync());
        using var lockfile = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.FullPath, "package-lock.json")));
        Assert.Equal("4.6.1", lockfile.RootElement.GetProperty("packages").GetProperty("node_modules/chart.js").GetProperty("version").GetString());
    }

    [Fact]
    public void Dashboard_OwnFiles_NameNoOtherHost()
    {
        var own = DashboardAssets.Paths.Where(p => !p.StartsWith("vendor/", StringComparison.Ordinal)).ToList();

        Assert.Contains("index.html", own);
        // An SVG's xmlns names its vocabulary; nothing is fetched from it.
        Assert.All(own, p => Assert.DoesNotMatch(
            "(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}",
            Encoding.UTF8.GetString(DashboardAssets.Find(p)!.Content).Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Dashboard_UnknownFile_Is404()
    {
        using var response = await App.CreateClient().GetAsync("/dashboard/nothing-here.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DashboardFunction_UnderTheFunctionsHost_ServesTheSameFile()
    {
        var context = new DefaultHttpContext { RequestServices = App.Services };
        context.Request.Path = "/api/dashboard/app.js";
        context.Response.Body = new MemoryStream();

        await new DashboardFunctions().Dashboard(context.Request, "app.js").ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal(DashboardAssets.Find("app.js")!.Content, ((MemoryStream)context.Response.Body).ToArray());
    }

    [Fact]
    public async Task Me_OfficerKey_AnswersItsTenantAndRole()
    {
        var me = await Tenant.Officer.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(Tenant.TenantId, me.GetProperty("tenantId").GetString());
        Assert.Equal("officer", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_AdminKey_AnswersNoTenant()
    {
        var me = await Admin.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(JsonValueKind.Null, me.GetProperty("tenantId").ValueKind);
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_NoKey_Is401()
    {
        using var response = await App.CreateClient().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
