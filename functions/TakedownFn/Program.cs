using TakedownFn.Hosting;

// One binary: the isolated worker when the Functions host launched us, standalone otherwise.
return FunctionsHost.Launched(args) ? await WorkerApp.RunAsync(args) : await StandaloneApp.RunAsync(args);

/// <summary>The app's entry point, visible to the test host.</summary>
public partial class Program;
