using Ppl.Inference.Svi;
using Ppl.Tensors;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// The training step's machinery: epochs of minibatches (with a short last batch), held-out
/// evaluation under the trained parameters, the folded Normal KL and the fused Bernoulli-logits
/// likelihood — each against a hand computation.
/// </summary>
public sealed class TrainingPathTests
{
    private const string Batched = """
        data y: real[N]
        mu ~ Normal(0, 1)
        plate n in N batch 4 {
          y[n] ~ Normal(mu, 1)
        }
        """;

    private static SviProgram Program(string source, double[] y, string guide = "auto")
    {
        var request = SviPipeline.Request(source, [SviPipeline.Real("y", y, y.Length)]);
        return new SviProgram(request.Model, request.Data, DType.Float64, guide, new RandomSource(1));
    }

    [Fact]
    public void An_epoch_visits_every_point_once_with_a_short_last_batch_weighted_N_over_its_size()
    {
        var program = Program(Batched, [.. Enumerable.Range(0, 10).Select(i => 0.1 * i)]);
        var sampler = new MinibatchSampler(program, new RandomSource(2));
        Assert.Equal(3, sampler.StepsPerEpoch);
        for (var epoch = 0; epoch < 2; epoch++)
        {
            var seen = new List<int>();
            var sizes = new List<int>();
            for (var step = 0; step < sampler.StepsPerEpoch; step++)
            {
                var frame = sampler.Next();
                var indices = frame.Indices("n")!.ToArray();
                seen.AddRange(indices);
                sizes.Add(indices.Length);
                Assert.Equal(indices.Length, frame.Size("n"));
                Assert.Equal(10.0 / indices.Length, frame.LocalScale, 12);
                Assert.Equal(1.0, frame.GlobalScale);
            }
            Assert.Equal([4, 4, 2], sizes);
            Assert.Equal(Enumerable.Range(0, 10), seen.Order());
        }
    }

    [Fact]
    public void Held_out_elbo_of_the_training_data_is_the_full_data_elbo_and_of_new_data_the_closed_form()
    {
        double[] y = [0.3, -1.2, 2.0, 0.7, 1.1, 0.4, -0.3, 0.9, 1.5];
        var request = SviPipeline.Request(Batched, [SviPipeline.Real("y", y, y.Length)],
            new InferenceOptions { Guide = "delta", Steps = 50, Seed = 3 });
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "delta", new RandomSource(1));
        var trainer = new SviTrainer(program, request.Options, new RandomSource(4), request.Model);
        trainer.Train(null, CancellationToken.None);
        var full = trainer.FullDataElbo();
        Assert.Equal(full, trainer.HeldOutElbo(request.Data), 10);

        // A delta guide draws nothing: ELBO = log N(μ̂; 0, 1) + Σᵢ log N(y′ᵢ; μ̂, 1), exactly.
        double[] fresh = [0.5, -0.1, 2.2, 1.0, 0.0, 0.3, 0.8];
        var heldOut = SviPipeline.Request(Batched, [SviPipeline.Real("y", fresh, fresh.Length)]).Data;
        var elbo = trainer.HeldOutElbo(heldOut);
        var mu = program.Value("mu")!.Item();
        static double LogNormal(double x, double m) => -0.5 * (x - m) * (x - m) - 0.5 * Math.Log(2 * Math.PI);
        var expected = LogNormal(mu, 0) + fresh.Sum(v => LogNormal(v, mu));
        Assert.Equal(expected, elbo, 9);

        // The training data are back afterwards.
        Assert.Equal(full, trainer.FullDataElbo(), 10);
        Assert.Equal(y.Length, program.PlateSize("n"));
    }

    [Fact]
    public void Held_out_data_is_refused_for_local_latents_without_an_amortised_guide()
    {
        const string source = """
            data y: real[N]
            mu ~ Normal(0, 1)
            plate n in N batch 2 {
              z[n] ~ Normal(mu, 1)
              y[n] ~ Normal(z[n], 1)
            }
            """;
        double[] y = [0.3, -1.2, 2.0, 0.7];
        var request = SviPipeline.Request(source, [SviPipeline.Real("y", y, y.Length)], new InferenceOptions { Guide = "delta", Steps = 5 });
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "delta", new RandomSource(1));
        var trainer = new SviTrainer(program, request.Options, new RandomSource(4), request.Model);
        var before = trainer.FullDataElbo();
        var heldOut = SviPipeline.Request(source, [SviPipeline.Real("y", [1.0, 2.0, 3.0], 3)]).Data;
        var error = Assert.Throws<SviUnsupportedException>(() => trainer.HeldOutElbo(heldOut));
        Assert.Contains("'z'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, trainer.FullDataElbo(), 12);
    }

    [Theory]
    [InlineData(0.0, 1.0, false)]
    [InlineData(-0.7, 2.5, false)]
    [InlineData(0.4, 0.3, true)]
    public void The_folded_normal_kl_is_the_general_kl_summed(double m, double s, bool sharedSd)
    {
        var random = new RandomSource(5);
        var loc = Tensor.FromDoubles([.. Enumerable.Range(0, 12).Select(_ => random.NextNormal())], DType.Float64, 3, 4);
        var sd = sharedSd
            ? Tensor.FromDoubles([0.8], DType.Float64, 1)
            : Tensor.FromDoubles([.. Enumerable.Range(0, 12).Select(_ => 0.2 + random.NextDouble())], DType.Float64, 3, 4);
        // Hand sum of KL(N(m₁, s₁) ‖ N(m, s)) = log(s/s₁) + (s₁² + (m₁ − m)²)/(2s²) − ½ over the 12 sites.
        var expected = 0.0;
        for (var i = 0; i < 12; i++)
        {
            var s1 = sharedSd ? sd[0] : sd[i];
            expected += Math.Log(s / s1) + (s1 * s1 + (loc[i] - m) * (loc[i] - m)) / (2 * s * s) - 0.5;
        }
        Assert.Equal(expected, SviProgram.StandardisedNormalKl(loc, sd, m, s).Item(), 10);
    }

    [Fact]
    public void The_fused_bernoulli_logits_likelihood_is_the_elementwise_formula()
    {
        const string source = """
            data x: real[N]
            data y: prob[N]
            param a: real = 0.3
            param b: real = -1.2
            plate n in N {
              y[n] ~ Bernoulli(logits: a + b * x[n])
            }
            """;
        double[] x = [0.5, -1.0, 2.0, 0.0, 1.5];
        double[] y = [1, 0, 0.25, 1, 0];
        var request = SviPipeline.Request(source, [SviPipeline.Real("x", x, x.Length), SviPipeline.Real("y", y, y.Length)]);
        var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
        var elbo = program.Run(program.Frame([], 1, 1), new RandomSource(2)).Elbo.Item();
        // Σ y l − log(1 + eˡ), l = a + b x.
        var expected = x.Zip(y).Sum(p =>
        {
            var l = 0.3 - 1.2 * p.First;
            return p.Second * l - Math.Log(1 + Math.Exp(l));
        });
        Assert.Equal(expected, elbo, 10);
    }

    private const string Amortised = """
        data y: real[N]
        plate n in N batch 4 {
          z[n] ~ Normal(0, 1)
          y[n] ~ Normal(z[n], 0.5)
        }
        guide {
          param a: real = 0.6
          param s: pos = 0.7
          plate n in N batch 4 {
            z[n] ~ Normal(a * y[n], sd: s)
          }
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Tiled_particles_give_the_loop_estimate_and_gradient_for_a_fixed_seed(int particles)
    {
        double[] y = [0.3, -1.2, 2.0, 0.7, 1.1, 0.4, -0.3, 0.9, 1.5, -0.8];
        (double Value, double[] Gradient) Estimate(bool vectorise)
        {
            var request = SviPipeline.Request(Amortised, [SviPipeline.Real("y", y, y.Length)]);
            var program = new SviProgram(request.Model, request.Data, DType.Float64, "auto", new RandomSource(1));
            Assert.Equal("n", program.ParticlePlate);
            var trainer = new SviTrainer(program, request.Options, new RandomSource(7), request.Model);
            var frame = program.Frame(new() { ["n"] = [2, 5, 7, 9] }, 10.0 / 4, 1);
            var (elbo, value) = trainer.ParticleMean(frame, particles, vectorise);
            Assert.Equal(value, elbo.Item(), 12);
            elbo.Backward();
            return (value, [.. program.Trainable.Select(t => t.Grad![0])]);
        }
        var loop = Estimate(vectorise: false);
        var tiled = Estimate(vectorise: true);
        Assert.Equal(loop.Value, tiled.Value, 10);
        Assert.Equal(loop.Gradient.Length, tiled.Gradient.Length);
        for (var i = 0; i < loop.Gradient.Length; i++)
        {
            Assert.Equal(loop.Gradient[i], tiled.Gradient[i], 9);
        }
    }

    [Fact]
    public void A_global_latent_keeps_the_particle_loop()
    {
        var program = Program(Batched, [0.1, 0.2, 0.3, 0.4, 0.5]);
        Assert.Null(program.ParticlePlate);
    }
}
