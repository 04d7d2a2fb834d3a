using TakedownFn.Health;
using TakedownFn.Hosting;
using TakedownFn.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(Directory.GetCurrentDirectory());
builder.AddHostingMode();
builder.AddTakedownStorage();

var app = builder.Build();
app.MapReadinessProbe();
app.MapHealth();
app.Run();

/// <summary>The app's entry point, visible to the test host.</summary>
public partial class Program;
