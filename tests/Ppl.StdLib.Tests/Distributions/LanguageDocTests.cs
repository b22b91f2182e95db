using Ppl.StdLib.Distributions;

namespace Ppl.StdLib.Tests.Distributions;

/// <summary>docs/language.md's distribution table stays in step with the catalogue.</summary>
public sealed class LanguageDocTests
{
    private static readonly string[] _rows = ReadTableRows();

    public static TheoryData<string> Names => [.. DistributionCatalog.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_catalogue_distribution_has_a_row_with_its_positional_parameters_and_alternatives(string name)
    {
        Assert.True(DistributionCatalog.TryGet(name, out var spec));
        var positional = string.Join(", ", spec.Parameters.Select(p => p.Name)) + (spec.IsVariadic ? ", D1, D2, ..." : "");
        var head = $"| `{name}({positional})` |";

        var row = Assert.Single(_rows, r => r.StartsWith(head, StringComparison.Ordinal));
        Assert.All(spec.Alternatives, a => Assert.Contains($"`{a.Name}:`", row, StringComparison.Ordinal));
        Assert.Contains(spec.IsExponentialFamily ? "| yes |" : "| no |", row, StringComparison.Ordinal);
        if (!spec.HasReparameterisedSample)
        {
            Assert.Contains("| no", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_table_lists_no_distribution_the_catalogue_lacks()
    {
        var documented = _rows.Select(r => r[3..r.IndexOf('(', StringComparison.Ordinal)]).Order();
        Assert.Equal(DistributionCatalog.Names.Order(), documented);
    }

    /// <summary>The rows of the distribution table: lines starting with "| `Name(" under "## 5. Distributions".</summary>
    private static string[] ReadTableRows()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ppl.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("Ppl.sln not found above " + AppContext.BaseDirectory);
        var text = File.ReadAllText(Path.Combine(root, "docs", "language.md"));
        var section = text[text.IndexOf("## 5. Distributions", StringComparison.Ordinal)..text.IndexOf("## 6. Examples", StringComparison.Ordinal)];
        return [.. section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && char.IsUpper(l[3]))];
    }
}
