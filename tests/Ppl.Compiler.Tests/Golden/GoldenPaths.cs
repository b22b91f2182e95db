namespace Ppl.Compiler.Tests.Golden;

/// <summary>Paths of the compiler's golden files and the examples, found from the test binary's folder.</summary>
internal static class GoldenPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Golden => Path.Combine(Root, "tests", "Ppl.Compiler.Tests", "Golden");

    /// <summary>True when goldens should be rewritten instead of compared (PPL_UPDATE_GOLDENS=1).</summary>
    public static bool Update => Environment.GetEnvironmentVariable("PPL_UPDATE_GOLDENS") == "1";

    /// <summary>Every example model, by path relative to examples/.</summary>
    public static TheoryData<string> ExampleModels() =>
        [.. Directory.EnumerateFiles(Examples, "*.ppl", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Examples, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ppl.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Ppl.sln) above " + AppContext.BaseDirectory);
    }
}
