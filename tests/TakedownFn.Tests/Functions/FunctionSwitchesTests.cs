using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakedownFn.Functions;
using TakedownFn.Storage;
using TakedownFn.Testing;
using TakedownFn.Tests.Notices;

namespace TakedownFn.Tests.Functions;

/// <summary>The Functions host's <c>AzureWebJobs.{Name}.Disabled</c> setting, honoured by the standalone host.</summary>
public sealed class FunctionSwitchesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("AzureWebJobs.ProcessIntake.Disabled", "true", true)]
    [InlineData("AzureWebJobs:ProcessIntake:Disabled", "True", true)]
    [InlineData("AzureWebJobs.ProcessIntake.Disabled", "false", false)]
    [InlineData("AzureWebJobs.ProcessIntake.Disabled", "1", false)]
    [InlineData("AzureWebJobs.SweepIntake.Disabled", "true", false)]
    public void IsDisabled_Setting_DisablesOnlyThatFunctionWhenTrue(string name, string value, bool disabled)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [name] = value }).Build();

        Assert.Equal(disabled, FunctionSwitches.IsDisabled(configuration, "ProcessIntake"));
    }

    [Fact]
    public async Task ProcessIntake_Disabled_LeavesNoticesOnTheQueueUntilEnabledAgain()
    {
        string caseId;
        string prefix;
        await using (var held = new TakedownFnFactory(azurite.Server, new Dictionary<string, string> { ["AzureWebJobs:ProcessIntake:Disabled"] = "true" }))
        {
            prefix = held.StoragePrefix;
            var tenant = await held.CreateTenantAsync();
            var response = await tenant.Platform.PostAsync(new Uri("/api/notices", UriKind.Relative), SampleNotices.Json(SampleNotices.Dmca()));
            caseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetString()!;

            // Long enough for a running pump to have triaged it many times over.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var view = await tenant.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}");
            Assert.Equal("received", view.GetProperty("state").GetString());
            var queue = held.Services.GetRequiredService<StorageClients>().Intake;
            Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

            await using var enabled = new TakedownFnFactory(azurite.Server, storagePrefix: prefix);
            var officer = enabled.ClientWithKey(OfficerKey(tenant));
            await Eventually.GetJsonAsync(officer, $"/api/cases/{caseId}", c => c.GetProperty("state").GetString() == "triaged");
        }

        static string OfficerKey(TestTenant tenant) => tenant.Officer.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
    }
}
