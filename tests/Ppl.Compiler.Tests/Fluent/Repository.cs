namespace Ppl.Compiler.Tests.Fluent;

/// <summary>Paths in the repository, found from the test binary by walking up to Ppl.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name, name + ".ppl");

    public static string TestFile(params string[] parts) =>
        Path.Combine([Root, "tests", "Ppl.Compiler.Tests", .. parts]);

    /// <summary>True when golden files should be rewritten rather than compared (PPL_UPDATE_GOLDENS=1).</summary>
    public static bool UpdateGoldens => Environment.GetEnvironmentVariable("PPL_UPDATE_GOLDENS") == "1";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ppl.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ppl.sln not found above " + AppContext.BaseDirectory);
    }
}
