using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The per-data-point IWAE bound's pass over a chunk of positions tiled k times evaluates the lets
/// that depend on no draw (the VAE's encoder) once per distinct position and repeats their rows:
/// the same numbers, bit for bit, as evaluating every row — the slow twin, reuse forced off.
/// </summary>
public sealed class RepeatedRowsTests
{
    /// <summary>
    /// Lets of every kind in the batch plate: draw-free in the guide (u, and m reading u), draw-free
    /// in the model (shift, reading a covariate), one reading a latent (w), and one outside the plate (b).
    /// </summary>
    private const string Lets = """
        data t: real[N]
        data y: real[N]
        plate n in N batch 4 {
          z[n] ~ Normal(0, 1)
          let shift = 0.1 * t[n]
          let w = z[n] + shift
          y[n] ~ Normal(w, 1)
        }
        guide {
          param a: real = 0.9
          param s: pos = 0.6
          let b = 2 * a
          plate n in N batch 4 {
            let u = a * y[n]
            let m = 0.5 * u + 0.25 * b * t[n]
            z[n] ~ Normal(m, sd: s)
          }
        }
        """;

    private static readonly double[] T = [1.0, -0.5, 0.2, 2.0, -1.5, 0.7, 0.3, -0.9, 1.1, 0.4, -0.2, 0.8];

    [Theory]
    [InlineData(100)]
    [InlineData(7)]
    public void The_vae_bound_with_the_encoder_run_once_per_image_equals_the_bound_over_every_row(int k)
    {
        var request = VaeTests.SubsetRequest(new InferenceOptions { Seed = 1, Epochs = 1, LearningRate = 2e-3 });
        var random = new RandomSource(1);
        var program = new SviProgram(request.Model, request.Data, DType.Float32, "auto", random.Split());
        new SviTrainer(program, request.Options, random, request.Model).Train(null, default);

        // k = 100: chunks of 40 images; k = 7: a chunk of 585 and a ragged one of 415.
        var reused = SviEvaluation.PerDataPointIwae(program, "n", new RandomSource(11), k);
        Assert.Equal(["h"], program.LetsOnDistinctRows);
        var everyRow = SviEvaluation.PerDataPointIwae(program, "n", new RandomSource(11), k, reuseRows: false);
        Assert.Empty(program.LetsOnDistinctRows);

        Assert.Equal(1000, reused.DataPoints);
        Assert.Equal(everyRow.Value, reused.Value);
        Assert.Equal(everyRow.StandardError, reused.StandardError);
        Assert.Equal(everyRow.PerDataPoint, reused.PerDataPoint);
    }

    [Fact]
    public void The_per_point_log_weights_of_a_pass_equal_those_over_every_row()
    {
        var request = VaeTests.SubsetRequest();
        var program = new SviProgram(request.Model, request.Data, DType.Float32, "auto", new RandomSource(3));
        var (reused, everyRow) = PerPointBothWays(program, start: 17, count: 13, k: 9);
        Assert.Equal(everyRow, reused);
    }

    [Theory]
    [InlineData(DType.Float64)]
    [InlineData(DType.Float32)]
    public void Lets_that_read_no_draw_run_once_per_position_and_give_the_same_log_weights(DType dtype)
    {
        var request = SviPipeline.Request(Lets, [SviPipeline.Real("t", T, T.Length), SviPipeline.Real("y", PerDataPointIwaeTests.Y, T.Length)]);
        var program = new SviProgram(request.Model, request.Data, dtype, "auto", new RandomSource(1));
        var (reused, everyRow) = PerPointBothWays(program, start: 2, count: 5, k: 3);
        Assert.Equal(everyRow, reused);
        // b lies outside the plate and w reads the latent z: both evaluated as before.
        Assert.Equal(["m", "shift", "u"], program.LetsOnDistinctRows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_frame_refuses_positions_that_are_not_a_repeated_chunk_and_cuts_to_the_distinct_ones()
    {
        var request = SviPipeline.Request(Lets, [SviPipeline.Real("t", T, T.Length), SviPipeline.Real("y", PerDataPointIwaeTests.Y, T.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
        Assert.Throws<ArgumentException>(() => program.Frame(new() { ["n"] = [3, 4, 3, 5] }, 1, 1).WithRepeats("n", 2));
        Assert.Throws<ArgumentException>(() => program.Frame(new() { ["n"] = [3, 4, 3] }, 1, 1).WithRepeats("n", 2));

        var frame = program.Frame(new() { ["n"] = [3, 4, 5, 3, 4, 5] }, 1, 1).WithRepeats("n", 2);
        Assert.Equal(("n", 2), (frame.RepeatedPlate, frame.Repeats));
        Assert.Equal(3, frame.Distinct.Size("n"));
        Assert.Equal([3, 4, 5], frame.Distinct.Indices("n")!);
        Assert.Null(frame.Distinct.RepeatedPlate);
        var whole = program.Frame(new() { ["n"] = [3, 4] }, 1, 1);
        Assert.Same(whole, whole.WithRepeats("n", 1));
    }

    /// <summary>One pass over positions start..start+count tiled k times, with the repeats declared and without.</summary>
    private static (double[] Reused, double[] EveryRow) PerPointBothWays(SviProgram program, int start, int count, int k)
    {
        var tiled = new int[k * count];
        for (var i = 0; i < tiled.Length; i++)
        {
            tiled[i] = start + i % count;
        }
        using var noGrad = Tensor.NoGrad();
        var frame = program.Frame(new() { ["n"] = tiled }, 1, 1);
        var everyRow = program.RunPerDataPoint(frame, "n", new RandomSource(7), k).PerPoint.ToArray();
        var reused = program.RunPerDataPoint(frame.WithRepeats("n", k), "n", new RandomSource(7), k).PerPoint.ToArray();
        return (reused, everyRow);
    }
}
