namespace Ppl.Language.Tests;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    public static string Golden => Path.Combine(Root, "tests", "Ppl.Language.Tests", "Golden");

    /// <summary>True when goldens should be rewritten instead of compared (PPL_UPDATE_GOLDENS=1).</summary>
    public static bool UpdateGoldens => Environment.GetEnvironmentVariable("PPL_UPDATE_GOLDENS") == "1";

    public static IEnumerable<string> ExampleModels() =>
        Directory.EnumerateFiles(Examples, "*.ppl", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>A path relative to the repository root with '/' separators, as used in goldens.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

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
