using TakedownFn.Auth;
using TakedownFn.Cases;
using TakedownFn.Functions;
using TakedownFn.Health;
using TakedownFn.Hosting;
using TakedownFn.LedgerApi;
using TakedownFn.Notices;
using TakedownFn.Sla;
using TakedownFn.Storage;
using TakedownFn.Storage.Accounts;
using TakedownFn.Tenants;

if (args is ["functions", "write", var functionsDirectory])
{
    // Needs no configuration: the deployment layout is generated from the catalog alone.
    return Commands.WriteFunctionJson(functionsDirectory);
}

var builder = WebApplication.CreateBuilder(args);
if (Commands.IsCommand(args))
{
    // A command's standard output is its JSON answer; logs go to standard error.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.Configuration.AddLocalSettings(Directory.GetCurrentDirectory());
var mode = builder.AddHostingMode();
try
{
    builder.AddTakedownStorage();
}
catch (StorageConfigurationException e)
{
    // The message names the setting and the bad part (never a key); a stack trace adds nothing.
    await Console.Error.WriteLineAsync($"TakedownFn cannot start: {e.Message}");
    return 1;
}
builder.AddTakedownAuth();
builder.AddTakedownFunctions(mode);
builder.AddTakedownApi();
builder.AddTakedownSla();
builder.AddTakedownLedger();

var app = builder.Build();
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app, args);
}

app.UseAuthentication();
app.UseAuthorization();
app.MapReadinessProbe();
app.MapHealth();
app.MapNotices();
app.MapCases();
app.MapTenants();
app.MapSla();
app.MapLedger();
app.MapFunctions();
await app.RunAsync();
return 0;

/// <summary>The app's entry point, visible to the test host.</summary>
public partial class Program;
