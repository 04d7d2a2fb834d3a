using TakedownFn.Auth;
using TakedownFn.Cases;
using TakedownFn.Functions;
using TakedownFn.Health;
using TakedownFn.Hosting;
using TakedownFn.LedgerApi;
using TakedownFn.Notices;
using TakedownFn.Storage;
using TakedownFn.Tenants;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(Directory.GetCurrentDirectory());
var mode = builder.AddHostingMode();
builder.AddTakedownStorage();
builder.AddTakedownAuth();
builder.AddTakedownFunctions(mode);
builder.AddTakedownApi();
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
app.MapLedger();
app.MapFunctions();
await app.RunAsync();
return 0;

/// <summary>The app's entry point, visible to the test host.</summary>
public partial class Program;
