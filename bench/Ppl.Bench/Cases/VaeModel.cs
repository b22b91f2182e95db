using Ppl.Tensors;
using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// The VAE of <c>vae_fmnist.py</c> written directly on Ppl.Tensors in float32: encoder
/// 784-400(ReLU)-40 (mean and log-variance, one layer sliced in two, as <c>vae.ppl</c> compiles),
/// one reparameterised draw z = μ + e^{½ log σ²}·ε, decoder 20-400(ReLU)-784 logits, and the
/// negative ELBO −Σ log Bernoulli(x | σ(logits)) + KL(q ‖ N(0, I)), with the analytic
/// KL = −½ Σ (1 + log σ² − μ² − σ²) (Kingma &amp; Welling 2014, appendix B). PyTorch's default
/// nn.Linear initialisation, U(±1/√fan_in) for weights and biases. Every step runs in a pooled
/// <see cref="TensorScope"/>, so a steady state allocates no tensor memory.
/// </summary>
internal sealed class VaeModel
{
    /// <summary>Hidden width of both MLPs.</summary>
    public const int Hidden = 400;

    /// <summary>Latent dimension.</summary>
    public const int Latent = 20;

    private const int Pixels = FashionMnist.Pixels;

    /// <summary>Images per evaluation batch, as the peer's eval_elbo.</summary>
    private const int EvaluationBatch = 1000;

    private readonly Linear _encoder;
    private readonly Linear _encoderHead;
    private readonly Linear _decoder;
    private readonly Linear _decoderHead;
    private readonly RandomSource _random;
    private readonly BufferPool _pool = new();
    private readonly float[] _noise;
    private readonly Adam _adam;

    /// <summary>Creates the networks and their Adam optimiser (learning rate 1e-3) for training batches of up to <paramref name="largestBatch"/>.</summary>
    public VaeModel(ulong seed, int largestBatch)
    {
        _random = new RandomSource(seed);
        _encoder = Layer(Pixels, Hidden);
        _encoderHead = Layer(Hidden, 2 * Latent);
        _decoder = Layer(Latent, Hidden);
        _decoderHead = Layer(Hidden, Pixels);
        _noise = new float[Math.Max(largestBatch, EvaluationBatch) * Latent];
        _adam = new Adam([.. _encoder.Parameters, .. _encoderHead.Parameters, .. _decoder.Parameters, .. _decoderHead.Parameters], learningRate: 1e-3);
    }

    /// <summary>
    /// The negative ELBO summed over the batch <paramref name="images"/> ([batch, 784] row-major);
    /// with <paramref name="train"/> also its gradient, and with <paramref name="adamStep"/> an Adam step.
    /// </summary>
    public double NegativeElbo(ReadOnlySpan<float> images, int batch, bool train, bool adamStep)
    {
        using var scope = TensorScope.Begin(_pool);
        using var noGrad = train ? default : Tensor.NoGrad();
        if (train)
        {
            _adam.ZeroGrad();
        }
        var x = Tensor.FromArray(images[..(batch * Pixels)], batch, Pixels);
        var noise = _noise.AsSpan(0, batch * Latent);
        _random.FillNormal(noise);
        var epsilon = Tensor.FromArray(noise, batch, Latent);
        var h = _encoderHead.Forward(_encoder.Forward(x, Activation.Relu));
        var mean = h.Slice(1, 0, Latent);
        var logVariance = h.Slice(1, Latent, 2 * Latent);
        var z = mean + Tensor.Exp(0.5 * logVariance) * epsilon;
        var logits = _decoderHead.Forward(_decoder.Forward(z, Activation.Relu));
        var logLikelihood = Tensor.BernoulliLogitsLogLikelihood(logits, x);
        var kl = -0.5 * (1 + logVariance - Tensor.Square(mean) - Tensor.Exp(logVariance)).Sum();
        var loss = kl - logLikelihood;
        if (train)
        {
            loss.Backward();
            if (adamStep)
            {
                _adam.Step();
            }
        }
        return loss.Item();
    }

    /// <summary>The ELBO per image over <paramref name="images"/>, in batches of 1000 without gradients (as the peer's eval_elbo).</summary>
    public double Elbo(float[] images)
    {
        var count = images.Length / Pixels;
        var total = 0.0;
        for (var start = 0; start < count; start += EvaluationBatch)
        {
            var batch = Math.Min(EvaluationBatch, count - start);
            total += NegativeElbo(images.AsSpan(start * Pixels, batch * Pixels), batch, train: false, adamStep: false);
        }
        return -total / count;
    }

    private Linear Layer(int inputs, int outputs)
    {
        var layer = new Linear(inputs, outputs, _random);
        var bound = 1 / Math.Sqrt(inputs);
        foreach (var parameter in layer.Parameters)
        {
            for (var i = 0; i < parameter.Length; i++)
            {
                parameter[i] = bound * (2 * _random.NextDouble() - 1);
            }
        }
        return layer;
    }
}
