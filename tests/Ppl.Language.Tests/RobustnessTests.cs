using System.Reflection;
using Ppl.Language.Diagnostics;
using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>Hostile and unusual input: deep nesting, long chains, line endings, byte-order marks, binary garbage.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Brackets_nested_too_deep_are_one_diagnostic()
    {
        var source = "let a = " + new string('(', 300) + "1" + new string(')', 300);
        var result = SyntaxParser.Parse(source, "d.ppl");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NestedTooDeeply, diagnostic.Code);
        Assert.Equal(9 + 256, diagnostic.Span.Column);
    }

    [Fact]
    public void Brackets_nested_to_the_limit_parse()
    {
        var source = "let a = " + new string('(', 250) + "1" + new string(')', 250);
        Assert.Empty(SyntaxParser.Parse(source, "d.ppl").Diagnostics);
    }

    [Theory]
    [InlineData(" + ", 30_000)]
    [InlineData(" ^ ", 10_000)]
    public void Long_operator_chains_parse_without_exhausting_the_stack(string op, int terms)
    {
        var source = "let a = " + string.Join(op, Enumerable.Repeat("x", terms));
        var result = SyntaxParser.Parse(source, "l.ppl");
        Assert.Empty(result.Diagnostics);
        Assert.IsType<BinaryExpr>(Assert.IsType<LetStmt>(Assert.Single(result.Model.Statements)).Value);
    }

    [Fact]
    public void Long_unary_chain_parses()
    {
        var source = "let a = " + string.Concat(Enumerable.Repeat("- ", 20_000)) + "x";
        Assert.Empty(SyntaxParser.Parse(source, "u.ppl").Diagnostics);
    }

    [Fact]
    public void Windows_and_old_mac_line_endings_separate_statements()
    {
        Assert.Equal(3, Parse("data x: real[N]\r\nmu ~ Normal(0, 1)\r\nx ~ Normal(mu, 1)\r\n").Statements.Count);
        Assert.Equal(2, Parse("a ~ Normal(0, 1)\rb ~ Normal(0, 1)").Statements.Count);
    }

    [Fact]
    public void Crlf_errors_have_the_same_positions_as_lf_errors()
    {
        var lf = SyntaxParser.Parse("data x: real[N]\nmu = Normal(0, 1)\n", "e.ppl");
        var crlf = SyntaxParser.Parse("data x: real[N]\r\nmu = Normal(0, 1)\r\n", "e.ppl");
        Assert.Equal(lf.Diagnostics.Select(d => d.Span), crlf.Diagnostics.Select(d => d.Span));
        Assert.DoesNotContain("\r", DiagnosticRenderer.Render(crlf.Diagnostics, crlf.Source), StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_is_ignored()
    {
        Assert.Single(Parse("\uFEFFtheta ~ Beta(1, 1)").Statements);
    }

    [Fact]
    public void Run_of_unknown_characters_is_one_diagnostic()
    {
        var result = SyntaxParser.Parse("theta ~ Beta(1, 1) $$$\n", "u.ppl");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("unexpected characters '$$$'", diagnostic.Message);
        Assert.Equal(new SourceSpan("u.ppl", 1, 20, 3), diagnostic.Span);
    }

    [Fact]
    public void Binary_garbage_gives_diagnostics_not_exceptions()
    {
        var random = new Random(7);
        var bytes = new char[5000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (char)random.Next(0, 256);
        }

        var result = SyntaxParser.Parse(new string(bytes), "garbage.ppl");
        Assert.True(result.HasErrors);
        Assert.NotEmpty(DiagnosticRenderer.Render(result.Diagnostics, result.Source));
    }

    [Fact]
    public void Every_diagnostic_code_is_documented_and_unique()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        Assert.All(codes, code => Assert.Contains($"| {code} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_syntax_code_but_file_and_depth_errors_has_a_golden_bad_input()
    {
        var outputs = string.Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Golden, "bad"), "*.out").Select(File.ReadAllText));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(c => c is not (DiagnosticCodes.CannotReadFile or DiagnosticCodes.NestedTooDeeply));
        Assert.All(codes, code => Assert.Contains($"error {code}:", outputs, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_file_is_a_diagnostic_without_position()
    {
        var result = SyntaxParser.ParseFile(Path.Combine(Path.GetTempPath(), "ppl-missing-model.ppl"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.CannotReadFile, diagnostic.Code);
        Assert.False(diagnostic.Span.HasPosition);
        Assert.StartsWith("ppl: error PPL0001: cannot read '", DiagnosticRenderer.Render(result.Diagnostics, result.Source), StringComparison.Ordinal);
    }

    private static ModelFile Parse(string source)
    {
        var result = SyntaxParser.Parse(source, "m.ppl");
        Assert.Empty(result.Diagnostics);
        return result.Model;
    }
}
