using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Tests.Planning;

/// <summary>The IR printer's format on two models that cover its constructs.</summary>
public sealed class IrPrinterTests
{
    [Fact]
    public void The_coin_dump_lists_sizes_plates_and_nodes()
    {
        Assert.Equal(
            """
            model coin.ppl
            size N = flips.shape[0]
            plate n in N
            data flips: bool[N]
            latent theta: prob ~ Beta(1, 1)
            observe flips[n]: bool ~ Bernoulli(theta)

            """.ReplaceLineEndings("\n"),
            IrPrinter.Print(GoldenPlanTests.Compile("coin").Ir!));
    }

    [Fact]
    public void The_vae_dump_shows_nets_batches_slices_and_the_guide()
    {
        var dump = IrPrinter.Print(GoldenPlanTests.Compile("vae").Ir!);

        Assert.Contains("plate n in N batch 128\n", dump, StringComparison.Ordinal);
        Assert.Contains("net decoder = mlp(Z -> 400 -> 784, act: relu)\n", dump, StringComparison.Ordinal);
        Assert.Contains("observe x[n]: prob[784] ~ Bernoulli.logits(decoder(z[n]))\n", dump, StringComparison.Ordinal);
        Assert.Contains("guide\n", dump, StringComparison.Ordinal);
        Assert.Contains("  latent z[n]: real[Z] ~ Normal(h[n][0:Z], exp(0.5 * h[n][Z:40]))\n", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Types_are_written_as_the_language_writes_them()
    {
        Assert.Equal("cov[K, D]", IrPrinter.Type(new IrType(ValueKind.Cov, Shape.Of(Size.Named("K"), Size.Named("D"), Size.Named("D")))));
        Assert.Equal("simplex[3]", IrPrinter.Type(new IrType(ValueKind.Simplex, Shape.Of(3))));
        Assert.Equal("real", IrPrinter.Type(IrType.RealScalar));
    }
}
