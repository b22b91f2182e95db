using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Tests.Semantics;

/// <summary>
/// A whole-array <c>~</c> is the same IR as the explicit plate (DESIGN.md): the canonical form selects
/// plate axes at the leaves, so <c>X @ w</c> in an implicit plate, <c>X[n] @ w</c>, <c>dot(X[n], w)</c>
/// and <c>(X @ w)[n]</c> all lower to <c>IrMatMul(IrPlateIndex(X, 0, n), w)</c>.
/// </summary>
public sealed class PlateCanonicalFormTests
{
    private const string Header = "data X: real[N, D]\ndata y: real[N]\nw: real[D] ~ Normal(0, 1)\nparam sd: pos\n";

    private static RandomNode Observed(ModelIr ir) => ir.Nodes.OfType<RandomNode>().Single(n => n.Name == "y");

    [Theory]
    [InlineData("plate n in N { y[n] ~ Normal(X[n] @ w, sd) }")]
    [InlineData("plate n in N { y[n] ~ Normal(dot(X[n], w), sd) }")]
    [InlineData("plate n in N { y[n] ~ Normal((X @ w)[n], sd) }")]
    public void Implicit_and_explicit_plates_give_the_same_distribution(string explicitForm)
    {
        var implicitIr = CompileHelper.Clean(Header + "y ~ Normal(X @ w, sd)");
        var explicitIr = CompileHelper.Clean(Header + explicitForm);
        var implicitNode = Observed(implicitIr);
        var explicitNode = Observed(explicitIr);
        Assert.Equal(["_y0"], implicitNode.Plates.AsEnumerable());
        Assert.Equal(["n"], explicitNode.Plates.AsEnumerable());
        Assert.True(implicitIr.Plate("_y0").IsImplicit);
        Assert.False(explicitIr.Plate("n").IsImplicit);
        Assert.Equal(
            IrPrinter.Distribution(explicitNode.Distribution),
            IrPrinter.Distribution(implicitNode.Distribution).Replace("_y0", "n", StringComparison.Ordinal));
        var mean = Assert.IsType<IrMatMul>(implicitNode.Distribution.Arguments[0]);
        var rows = Assert.IsType<IrPlateIndex>(mean.Left);
        Assert.Equal("X", Assert.IsType<IrRef>(rows.Target).Name);
        Assert.Equal(0, rows.Axis);
        Assert.Equal(["_y0"], mean.Plates.AsEnumerable());
        Assert.Equal(IrType.RealScalar, mean.Type);
        Assert.Equal(IrType.RealScalar, implicitNode.Type);
    }

    [Fact]
    public void Scalar_parameters_broadcast_iid_over_a_declared_array_without_a_plate()
    {
        var ir = CompileHelper.Clean(Header + "y ~ Normal(X @ w, sd)");
        var w = (RandomNode)ir.Find("w")!;
        Assert.Empty(w.Plates);
        Assert.Equal(Shape.Of(Size.Named("D")), w.Type.Shape);
        Assert.Equal(w.Type.Shape, w.Distribution.Type.Shape);
    }

    [Fact]
    public void A_latent_whose_mean_carries_the_leading_axis_gets_an_implicit_plate()
    {
        var ir = CompileHelper.Clean(Header + "data X_new: real[M, D]\ny_new ~ Normal(X_new @ w, sd)");
        var node = (RandomNode)ir.Find("y_new")!;
        Assert.False(node.IsObserved);
        Assert.Equal(["_y_new0"], node.Plates.AsEnumerable());
        Assert.Equal(Size.Named("M"), ir.Plate("_y_new0").Size);
    }

    [Fact]
    public void A_latent_of_a_plate_read_outside_it_has_the_plate_axis_as_a_leading_axis()
    {
        var ir = CompileHelper.Clean(
            "data x: real[N, D]\nconst K = 2\nweights ~ Dirichlet(ones(K))\n"
            + "plate k in K { mu[k]: real[D] ~ MvNormal(zeros(D), I(D)) }\n"
            + "plate n in N { z[n] ~ Categorical(weights)\n x[n] ~ MvNormal(mu[z[n]], I(D)) }");
        var x = ir.Nodes.OfType<RandomNode>().Single(n => n.Name == "x");
        var gather = Assert.IsType<IrGather>(x.Distribution.Arguments[0]);
        var mu = Assert.IsType<IrRef>(gather.Target);
        Assert.Empty(mu.Plates);
        Assert.Equal(Shape.Of(Size.Named("K"), Size.Named("D")), mu.Type.Shape);
        var z = Assert.IsType<IrRef>(gather.Index);
        Assert.Equal(["n"], z.Plates.AsEnumerable());
        Assert.Equal(ValueKind.Int, z.Type.Kind);
        Assert.Equal(["n"], gather.Plates.AsEnumerable());
    }

    [Fact]
    public void A_latent_indexed_by_its_own_plate_is_a_reference_in_that_plate()
    {
        var ir = CompileHelper.Clean(
            "data y: real[R, T]\nplate r in R {\n alpha[r] ~ Normal(0, 1)\n plate t in T { y[r, t] ~ Normal(alpha[r], 1) }\n}");
        var y = ir.Nodes.OfType<RandomNode>().Single(n => n.Name == "y");
        Assert.Equal(["r", "t"], y.Plates.AsEnumerable());
        var alpha = Assert.IsType<IrRef>(y.Distribution.Arguments[0]);
        Assert.Equal(["r"], alpha.Plates.AsEnumerable());
        Assert.Equal(IrType.RealScalar, alpha.Type);
    }
}
