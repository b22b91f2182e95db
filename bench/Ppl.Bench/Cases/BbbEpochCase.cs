using System.Globalization;
using Ppl.Bench.Peers;
using Ppl.Tensors;
using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>bbb-epoch</c>: one epoch of Bayes by Backprop (Blundell et al. 2015) on the toy regression of
/// <c>bbb_regression.py</c> (peers README row 2), hand-written on the tensor engine — not compiled
/// from a <c>.ppl</c> model. Net 1-100-100-1 (ReLU), mean-field Gaussian q over its 10,401 weights,
/// σ = softplus(ρ), ρ₀ = −5, μ₀ ~ U(±1/√fan_in), prior N(0, 1), likelihood N(y | f(x), 0.1²),
/// N = 1000 (<c>data/bbb_toy.csv</c>), batches of 100 reshuffled each epoch, one weight draw per step,
/// loss = [−(N/B)·Σ log-lik + KL] / N, Adam 1e-3 (float32, as PyTorch).
/// Timed: one epoch (10 steps). After the timed epochs training continues to 200 epochs, and the
/// quality is the ELBO on the full data with 100 weight draws, comparable with the peer's
/// "bbb_final_elbo" (−27014 nats in the README's run).
/// </summary>
internal sealed class BbbEpochCase : IBenchmarkCase
{
    private const int Batch = 100;
    private const int Epochs = 200;
    private const double NoiseSd = 0.1;
    private static readonly int[] Sizes = [1, 100, 100, 1];

    public string Name => "bbb-epoch";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var (xs, ys) = ReadData(Path.Combine(settings.SharedFolder, "bench", "peers", "data", "bbb_toy.csv"));
        var n = xs.Length;
        var random = new RandomSource(0);
        var means = new List<Tensor>();
        var rhos = new List<Tensor>();
        for (var layer = 0; layer + 1 < Sizes.Length; layer++)
        {
            var bound = 1.0 / Math.Sqrt(Sizes[layer]);
            foreach (int[] shape in new[] { new[] { Sizes[layer], Sizes[layer + 1] }, new[] { Sizes[layer + 1] } })
            {
                var count = shape.Aggregate(1, (a, b) => a * b);
                var mu = new double[count];
                random.FillUniform(mu, -bound, bound);
                means.Add(Tensor.Parameter(mu, DType.Float32, shape));
                rhos.Add(Tensor.Parameter(Enumerable.Repeat(-5.0, count).ToArray(), DType.Float32, shape));
            }
        }
        var adam = new Adam([.. means, .. rhos], learningRate: 1e-3);
        var pool = new BufferPool();
        var order = Enumerable.Range(0, n).ToArray();
        var xBatch = new float[Batch];
        var yBatch = new float[Batch];
        var epochs = 0;

        // Σ_i log N(y_i | f_i, σ²) = −½ Σ (y − f)²/σ² − n (log σ + ½ log 2π)
        Tensor LogLikelihood(Tensor f, Tensor y) =>
            -0.5 / (NoiseSd * NoiseSd) * Tensor.Square(y - f).Sum() - y.Length * (Math.Log(NoiseSd) + 0.5 * Math.Log(2 * Math.PI));

        // KL(N(μ, σ²) ‖ N(0, 1)) = Σ [−log σ + (σ² + μ²)/2 − ½]
        Tensor KullbackLeibler(IReadOnlyList<Tensor> sigmas)
        {
            Tensor? total = null;
            for (var i = 0; i < means.Count; i++)
            {
                var term = (-Tensor.Log(sigmas[i]) + 0.5 * (Tensor.Square(sigmas[i]) + Tensor.Square(means[i])) - 0.5).Sum();
                total = total is null ? term : total + term;
            }
            return total!;
        }

        Tensor[] Draw(IReadOnlyList<Tensor> sigmas)
        {
            var weights = new Tensor[means.Count];
            for (var i = 0; i < means.Count; i++)
            {
                var noise = new float[means[i].Length];
                random.FillNormal(noise);
                weights[i] = means[i] + sigmas[i] * Tensor.FromArray(noise, means[i].Shape);
            }
            return weights;
        }

        void Epoch()
        {
            // Fisher–Yates: a fresh permutation of the data each epoch.
            for (var i = n - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            for (var start = 0; start < n; start += Batch)
            {
                using var scope = TensorScope.Begin(pool);
                for (var j = 0; j < Batch; j++)
                {
                    xBatch[j] = xs[order[start + j]];
                    yBatch[j] = ys[order[start + j]];
                }
                adam.ZeroGrad();
                var sigmas = rhos.Select(Tensor.Softplus).ToArray();
                var f = Mlp.Run(Tensor.FromArray(xBatch, Batch, 1), Draw(sigmas), Activation.Relu);
                var loss = (-((double)n / Batch) * LogLikelihood(f, Tensor.FromArray(yBatch, Batch, 1)) + KullbackLeibler(sigmas)) * (1.0 / n);
                loss.Backward();
                adam.Step();
            }
            epochs++;
        }

        // Warm-up and timed epochs count towards the 200, so the ELBO is always that of epoch 200.
        var timing = Timing.Measure(Epoch, settings, maxRuns: Epochs);
        while (epochs < Epochs)
        {
            Epoch();
        }

        // ELBO = E_q[log p(y | w)] − KL, the expectation over 100 draws on the full data.
        double expected = 0, kl;
        using (var scope = TensorScope.Begin(pool))
        using (Tensor.NoGrad())
        {
            var sigmas = rhos.Select(Tensor.Softplus).ToArray();
            var x = Tensor.FromArray(xs, n, 1);
            var y = Tensor.FromArray(ys, n, 1);
            for (var s = 0; s < 100; s++)
            {
                expected += LogLikelihood(Mlp.Run(x, Draw(sigmas), Activation.Relu), y).Item() / 100;
            }
            kl = KullbackLeibler(sigmas).Item();
        }
        return new PplResult(timing, new Dictionary<string, double>
        {
            ["elbo"] = expected - kl,
            ["expected_loglik"] = expected,
            ["kl"] = kl,
            ["epochs"] = epochs,
        });
    }

    public PeerResult RunPeer(BenchmarkSettings settings)
    {
        var name = $"torch {PythonPeer.Evaluate("__import__('torch').__version__") ?? "(not installed)"} (bbb_regression.py), 2 threads";
        var (lines, error) = PythonPeer.Run(settings.SharedFolder, "bbb_regression.py");
        Timing? timing = null;
        var quality = new Dictionary<string, double>();
        foreach (var line in lines)
        {
            switch (line.GetProperty("metric").GetString())
            {
                case "bbb_sec_per_epoch_median":
                    timing = new Timing(line.GetProperty("value").GetDouble(), line.GetProperty("min").GetDouble(), line.GetProperty("max").GetDouble(), Epochs);
                    break;
                case "bbb_final_elbo":
                    quality["elbo"] = line.GetProperty("value").GetDouble();
                    quality["expected_loglik"] = line.GetProperty("expected_loglik").GetDouble();
                    quality["kl"] = line.GetProperty("kl").GetDouble();
                    quality["epochs"] = Epochs;
                    break;
            }
        }
        return timing is null
            ? PeerResult.NotRun(name, error ?? "bbb_regression.py printed no bbb_sec_per_epoch_median")
            : new PeerResult(name, timing, quality, null);
    }

    private static (float[] X, float[] Y) ReadData(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        return (rows.Select(r => float.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => float.Parse(r[2], CultureInfo.InvariantCulture)).ToArray());
    }
}
