using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>Each statement form becomes the right AST node with the right parts and spans.</summary>
public sealed class StatementTests
{
    private static ModelFile Parse(string source)
    {
        var result = SyntaxParser.Parse(source, "m.ppl");
        Assert.Empty(result.Diagnostics);
        return result.Model;
    }

    [Fact]
    public void Coin_model_has_the_expected_nodes_and_spans()
    {
        var model = Parse("// coin\ndata flips: bool[N]\ntheta ~ Beta(1, 1)\nplate n in N { flips[n] ~ Bernoulli(theta) }\n");
        Assert.Equal(3, model.Statements.Count);

        var data = Assert.IsType<DataDecl>(model.Statements[0]);
        Assert.Equal("flips", data.Name.Text);
        Assert.Equal(new SourceSpan("m.ppl", 2, 6, 5), data.Name.Span);
        Assert.Equal(TypeKind.Bool, data.Type.Kind);
        Assert.Equal("N", Assert.IsType<NameRef>(Assert.Single(data.Type.Sizes)).Name);
        Assert.Equal(new SourceSpan("m.ppl", 2, 1, 19), data.Span);

        var theta = Assert.IsType<SampleStmt>(model.Statements[1]);
        Assert.Equal("theta", theta.Target.Name.Text);
        Assert.Empty(theta.Target.Indices);
        Assert.Null(theta.Type);
        Assert.Equal(new SourceSpan("m.ppl", 3, 9, 10), theta.Distribution.Span);
        Assert.Equal(new SourceSpan("m.ppl", 3, 9, 4), theta.Distribution.Callee.Span);

        var plate = Assert.IsType<PlateStmt>(model.Statements[2]);
        Assert.Equal("n", plate.Index.Text);
        Assert.Null(plate.Batch);
        Assert.Equal(new SourceSpan("m.ppl", 4, 1, 44), plate.Span);
        var flips = Assert.IsType<SampleStmt>(Assert.Single(plate.Body));
        Assert.Equal("n", Assert.IsType<NameRef>(Assert.Single(flips.Target.Indices)).Name);
        Assert.Equal(new SourceSpan("m.ppl", 4, 16, 27), flips.Span);
    }

    [Fact]
    public void Param_const_let_and_typed_sample_statements()
    {
        var model = Parse("const K = 3\nparam alpha: pos\nparam s: real = 0.5\nlet h = 2 * K\nz[n]: real[M] ~ Normal(0, 1)\nw: simplex[M, K] ~ Dirichlet(ones(K))");
        Assert.Equal("K", Assert.IsType<ConstDecl>(model.Statements[0]).Name.Text);
        var alpha = Assert.IsType<ParamDecl>(model.Statements[1]);
        Assert.Equal(TypeKind.Pos, alpha.Type.Kind);
        Assert.Empty(alpha.Type.Sizes);
        Assert.Null(alpha.Init);
        Assert.Equal(0.5, Assert.IsType<NumberLit>(Assert.IsType<ParamDecl>(model.Statements[2]).Init).Value);
        Assert.IsType<LetStmt>(model.Statements[3]);
        var z = Assert.IsType<SampleStmt>(model.Statements[4]);
        Assert.Equal(TypeKind.Real, z.Type?.Kind);
        Assert.Single(z.Target.Indices);
        var w = Assert.IsType<SampleStmt>(model.Statements[5]);
        Assert.Equal(TypeKind.Simplex, w.Type?.Kind);
        Assert.Equal(2, w.Type?.Sizes.Count);
    }

    [Fact]
    public void Net_declaration_reads_layers_and_options()
    {
        var model = Parse("net f = mlp(1 -> 100 -> 100 -> 1, act: relu, dropout: 0.1, prior: Normal(0, 1))");
        var net = Assert.IsType<NetDecl>(Assert.Single(model.Statements));
        Assert.Equal("f", net.Name.Text);
        Assert.Equal("mlp", net.Kind.Text);
        Assert.Equal(4, net.Layers.Count);
        Assert.Equal(Activation.Relu, net.Activation);
        Assert.Equal(0.1, Assert.IsType<NumberLit>(net.Dropout).Value);
        Assert.Equal("Normal", net.Prior?.Callee.Text);
    }

    [Fact]
    public void Net_without_options_has_none()
    {
        var net = Assert.IsType<NetDecl>(Assert.Single(Parse("net g = mlp(Z -> 2 * Z)").Statements));
        Assert.Null(net.Activation);
        Assert.Null(net.Dropout);
        Assert.Null(net.Prior);
        Assert.IsType<BinaryExpr>(net.Layers[1]);
    }

    [Fact]
    public void Guide_and_batched_plate_nest()
    {
        var model = Parse("guide {\n  param m: real\n  plate n in N batch 128 {\n    let h = m\n    z[n] ~ Normal(h, 1)\n  }\n}");
        var guide = Assert.IsType<GuideBlock>(Assert.Single(model.Statements));
        Assert.IsType<ParamDecl>(guide.Body[0]);
        var plate = Assert.IsType<PlateStmt>(guide.Body[1]);
        Assert.Equal(128, Assert.IsType<NumberLit>(plate.Batch).Value);
        Assert.Equal(2, plate.Body.Count);
    }

    [Fact]
    public void Semicolons_blank_lines_and_comments_separate_statements()
    {
        var model = Parse("\n\n/* header\n   comment */\na ~ Normal(0, 1); b ~ Normal(0, 1) // trailing\n\n;\nplate n in N\n{\n  c[n] ~ Normal(a, b);\n}\n");
        Assert.Equal(3, model.Statements.Count);
        Assert.Single(Assert.IsType<PlateStmt>(model.Statements[2]).Body);
    }

    [Fact]
    public void Empty_file_is_a_model_with_no_statements()
    {
        Assert.Empty(Parse("").Statements);
        Assert.Empty(Parse("// nothing\n").Statements);
    }

    [Fact]
    public void All_type_kinds_are_recognised()
    {
        var model = Parse("data a: real\ndata b: int\ndata c: bool\ndata d: pos\ndata e: prob\ndata f: simplex[K]\ndata g: cov[K, D]");
        var kinds = model.Statements.Cast<DataDecl>().Select(d => d.Type.Kind);
        Assert.Equal([TypeKind.Real, TypeKind.Int, TypeKind.Bool, TypeKind.Pos, TypeKind.Prob, TypeKind.Simplex, TypeKind.Cov], kinds);
    }

    [Fact]
    public void Statements_with_syntax_errors_are_left_out_and_the_rest_kept()
    {
        var result = SyntaxParser.Parse("a ~ Normal(0, 1)\nb = Normal(0, 1)\nplate n in N {\n  c[n] ~ Normal(a\n  d[n] ~ Normal(a, 1)\n}\n", "m.ppl");
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(2, result.Model.Statements.Count);
        var plate = Assert.IsType<PlateStmt>(result.Model.Statements[1]);
        Assert.Equal("d", Assert.IsType<SampleStmt>(Assert.Single(plate.Body)).Target.Name.Text);
    }
}
