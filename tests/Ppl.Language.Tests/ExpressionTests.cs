using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>Precedence, associativity and the forms of expressions, via the fully parenthesised dump.</summary>
public sealed class ExpressionTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "a + b * c", "(a + (b * c))" },
        { "a - b - c", "((a - b) - c)" },
        { "a / b * c", "((a / b) * c)" },
        { "a ^ b ^ c", "(a ^ (b ^ c))" },
        { "-x ^ 2", "(-(x ^ 2))" },
        { "-X @ w", "((-X) @ w)" },
        { "2 * X @ w", "(2 * (X @ w))" },
        { "X @ w + b", "((X @ w) + b)" },
        { "W @ z[n] + mu", "((W @ z[n]) + mu)" },
        { "x ^ -1", "(x ^ (-1))" },
        { "- -x", "(-(-x))" },
        { "(a + b) * c", "((a + b) * c)" },
        { "f(x[n])[0]", "f(x[n])[0]" },
        { "mu[z[n]]", "mu[z[n]]" },
        { "X[n, 0]", "X[n, 0]" },
        { "h[0:Z]", "h[0:Z]" },
        { "h[Z:2 * Z]", "h[Z:(2 * Z)]" },
        { "h[:Z]", "h[:Z]" },
        { "h[Z:]", "h[Z:]" },
        { "h[:]", "h[:]" },
        { "[0.5, 0.5]", "[0.5, 0.5]" },
        { "[]", "[]" },
        { "exp(0.5 * h[Z:2 * Z])", "exp((0.5 * h[Z:(2 * Z)]))" },
        { "Mixture([0.5, 0.5], Normal(0, 1), Normal(0, 0.0025))", "Mixture([0.5, 0.5], Normal(0, 1), Normal(0, 0.0025))" },
        { "Normal(0, precision: alpha)", "Normal(0, precision: alpha)" },
        { "zeros(n) + ones(n) - I(n)", "((zeros(n) + ones(n)) - I(n))" },
        { "a\n  + b", "(a + b)" },
        { "f(a,\n  b)", "f(a, b)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_parses_with_the_expected_grouping(string source, string expected)
    {
        var result = SyntaxParser.Parse($"let v = {source}\n", "e.ppl");
        Assert.Empty(result.Diagnostics);
        var let = Assert.IsType<LetStmt>(Assert.Single(result.Model.Statements));
        Assert.Equal(expected, AstDump.Of(let.Value));
    }

    [Theory]
    [InlineData("3", 3.0, true)]
    [InlineData("0.5", 0.5, false)]
    [InlineData("1e-2", 0.01, false)]
    [InlineData("2E+3", 2000.0, false)]
    [InlineData(".25", 0.25, false)]
    [InlineData("3.", 3.0, false)]
    [InlineData("0.0025", 0.0025, false)]
    public void Number_literals_have_their_decimal_value(string text, double value, bool isInteger)
    {
        var result = SyntaxParser.Parse($"const c = {text}", "n.ppl");
        Assert.Empty(result.Diagnostics);
        var number = Assert.IsType<NumberLit>(Assert.IsType<ConstDecl>(result.Model.Statements[0]).Value);
        Assert.Equal(value, number.Value);
        Assert.Equal(text, number.Text);
        Assert.Equal(isInteger, number.IsInteger);
    }

    [Fact]
    public void Binary_operators_map_to_their_enum_values()
    {
        var result = SyntaxParser.Parse("let v = a ^ b @ c * d / e + f - g", "e.ppl");
        var ops = new List<BinaryOp>();
        Collect(Assert.IsType<LetStmt>(result.Model.Statements[0]).Value, ops);
        Assert.Equal(
            [BinaryOp.Subtract, BinaryOp.Add, BinaryOp.Divide, BinaryOp.Multiply, BinaryOp.MatMul, BinaryOp.Power],
            ops);

        static void Collect(Expr e, List<BinaryOp> ops)
        {
            if (e is BinaryExpr b)
            {
                ops.Add(b.Op);
                Collect(b.Left, ops);
                Collect(b.Right, ops);
            }
        }
    }

    [Fact]
    public void Call_arguments_are_split_into_positional_and_named()
    {
        var result = SyntaxParser.Parse("y ~ Normal(X @ w, precision: beta)", "c.ppl");
        var sample = Assert.IsType<SampleStmt>(Assert.Single(result.Model.Statements));
        var call = sample.Distribution;
        Assert.Equal("Normal", call.Callee.Text);
        Assert.IsType<BinaryExpr>(Assert.Single(call.Arguments));
        Assert.Equal("precision", Assert.Single(call.NamedArguments).Name.Text);
        Assert.IsType<NameRef>(call.Named("precision")?.Value);
        Assert.Null(call.Named("sd"));
    }
}
