using System.IO.Compression;
using Ppl.Bench.Peers;
using Ppl.Tensors;
using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Bench.Cases;

/// <summary>
/// <c>mlp-step</c> (forward + backward) and <c>mlp-step-adam</c> (+ an Adam step): one batch of the
/// VAE's MLPs, as <c>vae_fmnist.py --batch-only</c> times it in PyTorch: the first 128 Fashion-MNIST
/// training images (pixels / 255), encoder 784-400(ReLU)-{20 mean, 20 log-variance}, one
/// reparameterised draw, decoder 20-400(ReLU)-784 logits, loss = Σ BCE-with-logits + analytic KL.
/// Quality: the loss per image (weights are initialised differently from PyTorch's, so it is a
/// sanity check, not a comparison).
/// </summary>
internal sealed class VaeStepCase(bool withAdam, VaePeer peer) : IBenchmarkCase
{
    private const int Batch = 128;
    private const int Pixels = 784;
    private const int Hidden = 400;
    private const int Latent = 20;

    /// <summary>Both variants, sharing one run of the peer.</summary>
    public static IEnumerable<IBenchmarkCase> All()
    {
        var peer = new VaePeer();
        yield return new VaeStepCase(withAdam: false, peer);
        yield return new VaeStepCase(withAdam: true, peer);
    }

    public string Name => withAdam ? "mlp-step-adam" : "mlp-step";

    public double? Flops => null;

    public PplResult RunPpl(BenchmarkSettings settings)
    {
        var images = FirstImages(Path.Combine(VaePeer.DataFolder, "train-images-idx3-ubyte.gz"), Batch);
        var random = new RandomSource(0);
        var encoder = new Linear(Pixels, Hidden, random, Initialization.Kaiming);
        var encoderHead = new Linear(Hidden, 2 * Latent, random);
        var decoder = new Linear(Latent, Hidden, random, Initialization.Kaiming);
        var decoderHead = new Linear(Hidden, Pixels, random);
        Tensor[] parameters = [.. encoder.Parameters, .. encoderHead.Parameters, .. decoder.Parameters, .. decoderHead.Parameters];
        var adam = new Adam(parameters, learningRate: 1e-3);
        var pool = new BufferPool();
        var noise = new float[Batch * Latent];
        var loss = double.NaN;

        void Step()
        {
            using var scope = TensorScope.Begin(pool);
            adam.ZeroGrad();
            var x = Tensor.FromArray(images, Batch, Pixels);
            random.FillNormal(noise);
            var epsilon = Tensor.FromArray(noise, Batch, Latent);
            var h = encoderHead.Forward(encoder.Forward(x, Activation.Relu));
            var mean = h.Slice(1, 0, Latent);
            var logVariance = h.Slice(1, Latent, 2 * Latent);
            var z = mean + Tensor.Exp(0.5 * logVariance) * epsilon;
            var logits = decoderHead.Forward(decoder.Forward(z, Activation.Relu));
            // BCE with logits, summed: softplus(l) − x·l; KL(q‖N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²).
            var reconstruction = (Tensor.Softplus(logits) - x * logits).Sum();
            var kl = -0.5 * (1 + logVariance - Tensor.Square(mean) - Tensor.Exp(logVariance)).Sum();
            var total = reconstruction + kl;
            total.Backward();
            if (withAdam)
            {
                adam.Step();
            }
            loss = total.Item();
        }

        var timing = Timing.Measure(Step, settings);
        return new PplResult(timing, new Dictionary<string, double> { ["loss_per_image"] = loss / Batch });
    }

    public PeerResult RunPeer(BenchmarkSettings settings) => peer.Result(settings, withAdam);

    /// <summary>The first <paramref name="count"/> images of an IDX file of unsigned bytes, scaled to [0, 1].</summary>
    private static float[] FirstImages(string path, int count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(stream);
        var header = new int[4];
        for (var i = 0; i < 4; i++)
        {
            header[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));
        }
        if (header[0] != 0x803 || header[2] * header[3] != Pixels)
        {
            throw new InvalidDataException($"{path} is not an IDX file of 28×28 unsigned-byte images");
        }
        var bytes = reader.ReadBytes(count * Pixels);
        return Array.ConvertAll(bytes, b => b / 255f);
    }
}

/// <summary>Runs <c>vae_fmnist.py --batch-only</c> once and hands out its two medians.</summary>
internal sealed class VaePeer
{
    /// <summary>Where the Debian package dataset-fashion-mnist puts the data.</summary>
    public const string DataFolder = "/usr/share/datasets/fashion-mnist";

    private (PeerResult Plain, PeerResult Adam)? _results;

    /// <summary>The peer's fwd+bwd (or fwd+bwd+Adam) median, running the script on first use.</summary>
    public PeerResult Result(BenchmarkSettings settings, bool withAdam)
    {
        _results ??= Run(settings);
        return withAdam ? _results.Value.Adam : _results.Value.Plain;
    }

    private static (PeerResult, PeerResult) Run(BenchmarkSettings settings)
    {
        var name = $"torch {PythonPeer.Evaluate("__import__('torch').__version__") ?? "(not installed)"} / OpenBLAS SkylakeX, 2 threads";
        var (lines, error) = PythonPeer.Run(settings.SharedFolder, "vae_fmnist.py", "--batch-only", "--tag", "ppl-bench");
        PeerResult Find(string metric)
        {
            foreach (var line in lines)
            {
                if (line.GetProperty("metric").GetString() == metric)
                {
                    var seconds = line.GetProperty("value").GetDouble() / 1e3;
                    return new PeerResult(name, new Timing(seconds, null, null, 200), null, null);
                }
            }
            return PeerResult.NotRun(name, error ?? $"vae_fmnist.py printed no {metric}");
        }
        return (Find("batch128_fwd_bwd_median"), Find("batch128_fwd_bwd_adam_median"));
    }
}
