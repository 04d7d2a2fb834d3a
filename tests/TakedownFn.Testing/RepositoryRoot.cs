namespace TakedownFn.Testing;

/// <summary>Finds the repository root (the folder holding TakedownFn.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TakedownFn.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TakedownFn.sln above {AppContext.BaseDirectory}.");
    });

    public static string FullPath => Root.Value;
}
