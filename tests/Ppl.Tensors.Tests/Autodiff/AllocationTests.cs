using Ppl.Tensors.Nn;
using Ppl.Tensors.Optim;
using Ppl.Tensors.Random;

namespace Ppl.Tensors.Tests.Autodiff;

/// <summary>A steady-state training step inside a <see cref="TensorScope"/> allocates (almost) nothing.</summary>
public sealed class AllocationTests
{
    private const int Batch = 128;
    private const int Bound = 16 * 1024;

    /// <summary>Bytes allocated per step of an MLP training loop (after warm-up).</summary>
    private static double BytesPerStep(bool pooled)
    {
        var random = new RandomSource(11);
        var mlp = new Mlp([8, 32, 32, 1], random, Activation.Relu, dropout: 0.1);
        var adam = new Adam(mlp.Parameters, learningRate: 1e-3);
        var pool = new BufferPool();
        var xs = new float[Batch * 8];
        var ys = new float[Batch];
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = (float)random.NextNormal();
        }
        for (var i = 0; i < ys.Length; i++)
        {
            ys[i] = xs[8 * i] > 0 ? 1 : 0;
        }

        void Step()
        {
            using var scope = pooled ? TensorScope.Begin(pool) : default;
            adam.ZeroGrad();
            var x = Tensor.FromArray(xs, Batch, 8);
            var y = Tensor.FromArray(ys, Batch, 1);
            var logits = mlp.Forward(x);
            var loss = (Tensor.Softplus(logits) - y * logits).Mean();
            loss.Backward();
            GradientClipping.ClipGradNorm(mlp.Parameters, 10);
            adam.Step();
            Assert.True(double.IsFinite(loss.Item()));
        }

        for (var i = 0; i < 3; i++)
        {
            Step();
        }
        const int Steps = 10;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Steps; i++)
        {
            Step();
        }
        Assert.Equal(0, pool.RentedCount);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Steps;
    }

    [Fact]
    public void Steady_state_training_step_allocates_almost_nothing()
    {
        // What remains is the tensor and op objects of the graph: a few KiB.
        var perStep = BytesPerStep(pooled: true);
        Assert.True(perStep < Bound, $"{perStep:F0} bytes allocated per step");
    }

    [Fact]
    public void The_same_loop_without_a_scope_allocates_its_buffers()
    {
        // The twin without pooling allocates every [128, 32] activation and gradient (16 KiB each):
        // the bound above is far below it, so the test above can fail.
        var perStep = BytesPerStep(pooled: false);
        Assert.True(perStep > 4 * Bound, $"{perStep:F0} bytes allocated per step");
    }
}
