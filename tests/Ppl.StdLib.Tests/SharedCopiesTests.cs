namespace Ppl.StdLib.Tests;

/// <summary>
/// tests/shared holds copies of the files the tests read from ../shared (beside the repository), so a
/// clean clone runs without it; where ../shared exists, the copies must be identical to it.
/// </summary>
public sealed class SharedCopiesTests
{
    [Theory]
    [InlineData("DESIGN.md")]
    [InlineData("fixtures/distributions.json")]
    [InlineData("fixtures/make_distributions.py")]
    public void The_copy_in_tests_shared_is_identical_to_the_shared_folder(string file)
    {
        var root = RepositoryRoot();
        var copy = Path.Combine(root, "tests", "shared", file);
        Assert.True(File.Exists(copy), $"{copy} is missing");
        var original = Path.Combine(root, "..", "shared", file);
        if (File.Exists(original))
        {
            Assert.True(File.ReadAllBytes(original).AsSpan().SequenceEqual(File.ReadAllBytes(copy)),
                $"tests/shared/{file} differs from ../shared/{file}: copy it over");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ppl.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("no Ppl.sln above " + AppContext.BaseDirectory);
    }
}
