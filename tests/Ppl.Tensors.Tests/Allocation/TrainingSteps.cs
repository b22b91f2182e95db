using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Allocation;

/// <summary>Training steps whose steady-state allocation the tests measure, each returned as a closure over its model.</summary>
internal static class TrainingSteps
{
    private const int Batch = 128;
    private const int Pixels = 784;
    private const int Hidden = 400;
    private const int Latent = 20;

    /// <summary>A step by name: <c>vae</c> or <c>mlp</c>.</summary>
    internal static Action ByName(string name, BufferPool? pool) => name switch
    {
        "vae" => Vae(pool),
        "mlp" => Mlp(pool),
        _ => throw new ArgumentException($"no training step '{name}'", nameof(name)),
    };

    /// <summary>
    /// The VAE of the benchmarks (encoder 784-400-40 sliced into mean and log-variance, one
    /// reparameterised draw, decoder 20-400-784, Bernoulli log-likelihood on logits, analytic KL),
    /// batch 128, forward + backward + Adam: large enough that GEMMs use the second core and
    /// elementwise ops and Adam the thread pool.
    /// </summary>
    internal static Action Vae(BufferPool? pool)
    {
        var random = new RandomSource(5);
        var encoder = new Linear(Pixels, Hidden, random, Initialization.Kaiming);
        var encoderHead = new Linear(Hidden, 2 * Latent, random);
        var decoder = new Linear(Latent, Hidden, random, Initialization.Kaiming);
        var decoderHead = new Linear(Hidden, Pixels, random);
        var adam = new Adam([.. encoder.Parameters, .. encoderHead.Parameters, .. decoder.Parameters, .. decoderHead.Parameters]);
        var images = new float[Batch * Pixels];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = (float)random.NextDouble();
        }
        var noise = new float[Batch * Latent];
        return () =>
        {
            using var scope = pool is null ? default : TensorScope.Begin(pool);
            adam.ZeroGrad();
            random.FillNormal(noise);
            var x = Tensor.FromArray(images, Batch, Pixels);
            var epsilon = Tensor.FromArray(noise, Batch, Latent);
            var h = encoderHead.Forward(encoder.Forward(x, Activation.Relu));
            var mean = h.Slice(1, 0, Latent);
            var logVariance = h.Slice(1, Latent, 2 * Latent);
            var z = mean + Tensor.Exp(0.5 * logVariance) * epsilon;
            var logits = decoderHead.Forward(decoder.Forward(z, Activation.Relu));
            var kl = -0.5 * (1 + logVariance - Tensor.Square(mean) - Tensor.Exp(logVariance)).Sum();
            var loss = kl - Tensor.BernoulliLogitsLogLikelihood(logits, x);
            loss.Backward();
            adam.Step();
            if (!double.IsFinite(loss.Item()))
            {
                throw new InvalidOperationException("the VAE loss is not finite");
            }
        };
    }

    /// <summary>
    /// A small float64 MLP with dropout, a composed loss (softplus, product, mean, power, axis sum,
    /// max), gradient clipping and Adam.
    /// </summary>
    internal static Action Mlp(BufferPool? pool)
    {
        var random = new RandomSource(11);
        var mlp = new Mlp([8, 32, 32, 1], random, Activation.Tanh, dropout: 0.1, dtype: DType.Float64);
        var adam = new Adam(mlp.Parameters, learningRate: 1e-3);
        var xs = new double[Batch * 8];
        var ys = new double[Batch];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = random.NextNormal();
        }
        for (var i = 0; i < ys.Length; i++)
        {
            ys[i] = xs[8 * i] > 0 ? 1 : 0;
        }
        return () =>
        {
            using var scope = pool is null ? default : TensorScope.Begin(pool);
            adam.ZeroGrad();
            var x = Tensor.FromArray(xs, Batch, 8);
            var y = Tensor.FromArray(ys, Batch, 1);
            var logits = mlp.Forward(x);
            var loss = (Tensor.Softplus(logits) - y * logits).Mean() + 1e-4 * Tensor.Pow(logits, 2).Sum(0).Max();
            loss.Backward();
            GradientClipping.ClipGradNorm(mlp.Parameters, 10);
            adam.Step();
            if (!double.IsFinite(loss.Item()))
            {
                throw new InvalidOperationException("the MLP loss is not finite");
            }
        };
    }
}
