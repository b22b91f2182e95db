using Ppl.Tensors.Optim;

namespace Ppl.Tensors.Tests.Optim;

/// <summary>Optimiser steps against updates computed by hand from the published formulas.</summary>
public sealed class OptimizerTests
{
    /// <summary>Sets p.Grad to exactly <paramref name="gradient"/> via loss = Σ p·c.</summary>
    private static void SetGradient(Tensor p, params double[] gradient)
    {
        p.ZeroGrad();
        (p * Tensor.FromDoubles(gradient, p.DType, p.Shape)).Sum().Backward();
    }

    private static Tensor Param(DType dtype, params double[] values) => Tensor.Parameter(values, dtype, values.Length);

    [Fact]
    public void Sgd_without_momentum_steps_against_the_gradient()
    {
        var p = Param(DType.Float64, 1, 2);
        var sgd = new Sgd([p], learningRate: 0.1);
        SetGradient(p, 0.5, -1);
        sgd.Step();
        Assert.Equal(1 - 0.1 * 0.5, p[0], 12);
        Assert.Equal(2 + 0.1 * 1, p[1], 12);
    }

    [Fact]
    public void Sgd_momentum_accumulates_velocity()
    {
        // Step 1: b = g, p -= lr g. Step 2: b = 0.9 g + g2, p -= lr b.
        var p = Param(DType.Float64, 1);
        var sgd = new Sgd([p], learningRate: 0.1, momentum: 0.9);
        SetGradient(p, 2);
        sgd.Step();
        Assert.Equal(1 - 0.2, p[0], 12);
        SetGradient(p, -1);
        sgd.Step();
        var b2 = 0.9 * 2 + -1;
        Assert.Equal(0.8 - 0.1 * b2, p[0], 12);
    }

    [Fact]
    public void Sgd_weight_decay_adds_lambda_theta_and_leaves_the_gradient_alone()
    {
        var p = Param(DType.Float64, 3);
        var sgd = new Sgd([p], learningRate: 0.1, weightDecay: 0.5);
        SetGradient(p, 1);
        sgd.Step();
        Assert.Equal(3 - 0.1 * (1 + 0.5 * 3), p[0], 12);
        Assert.Equal(1, p.Grad![0]);
    }

    [Theory]
    [InlineData(DType.Float64, 1e-12)]
    [InlineData(DType.Float32, 1e-5)]
    public void Adam_two_steps_match_hand_computation(DType dtype, double tolerance)
    {
        // 37 equal elements exercise both the SIMD body and the scalar tail.
        const int N = 37;
        var p = Tensor.Parameter(Enumerable.Repeat(1.0, N).ToArray(), dtype, N);
        var adam = new Adam([p], learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8);

        SetGradient(p, Enumerable.Repeat(0.5, N).ToArray());
        adam.Step();
        // m1 = 0.1·0.5 = 0.05, v1 = 0.001·0.25 = 0.00025, bias corrections 0.1 and 0.001:
        // p1 = 1 − 0.1·(0.05/0.1) / (√(0.00025/0.001) + 1e-8) = 1 − 0.05/(0.5 + 1e-8).
        var p1 = 1 - 0.05 / (0.5 + 1e-8);
        for (var i = 0; i < N; i++)
        {
            Assert.Equal(p1, p[i], tolerance);
        }

        SetGradient(p, Enumerable.Repeat(-1.5, N).ToArray());
        adam.Step();
        // m2 = 0.9·0.05 + 0.1·(−1.5) = −0.105; v2 = 0.999·0.00025 + 0.001·2.25 = 0.00249975;
        // bc1 = 1 − 0.9² = 0.19; bc2 = 1 − 0.999² = 0.001999.
        var p2 = p1 - 0.1 / 0.19 * -0.105 / (Math.Sqrt(0.00249975) / Math.Sqrt(0.001999) + 1e-8);
        for (var i = 0; i < N; i++)
        {
            Assert.Equal(p2, p[i], tolerance);
        }
    }

    [Theory]
    [InlineData("adam", DType.Float32)]
    [InlineData("adam", DType.Float64)]
    [InlineData("sgd", DType.Float32)]
    [InlineData("sgd", DType.Float64)]
    public void State_that_decays_below_the_smallest_normal_becomes_zero(string optimiser, DType dtype)
    {
        // One gradient, then none. Adam's first moment m_t = 0.9^(t−1)·0.1·g and SGD's momentum
        // buffer b_t = 0.9^(t−1)·g; with the first state 20·n (n the smallest normal number) both
        // cross n between steps 29 (1.05 n) and 30 (0.94 n), after which they would be subnormal
        // without the flush. Adam's v = 0.001·g² underflows to 0 at once.
        const int N = 37;
        var normal = dtype == DType.Float32 ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
        var p = Tensor.Parameter(Enumerable.Repeat(1.0, N).ToArray(), dtype, N);
        Optimizer optimizer = optimiser == "adam" ? new Adam([p], learningRate: 0.1) : new Sgd([p], learningRate: 0.1, momentum: 0.9);
        var gradient = optimiser == "adam" ? 200 * normal : 20 * normal;
        SetGradient(p, Enumerable.Repeat(gradient, N).ToArray());
        optimizer.Step();
        var state = optimizer.StateOf(p)![0];
        for (var step = 2; step <= 40; step++)
        {
            SetGradient(p, new double[N]);
            optimizer.Step();
            var exact = Math.Pow(0.9, step - 1) * 20 * normal;
            for (var i = 0; i < N; i++)
            {
                if (exact >= 1.01 * normal)
                {
                    Assert.Equal(exact, state[i], exact * 1e-5);
                }
                else if (exact < 0.99 * normal)
                {
                    Assert.Equal(0.0, state[i]);
                }
            }
        }
    }

    [Fact]
    public void Parameter_groups_use_their_own_learning_rates()
    {
        var a = Param(DType.Float64, 1);
        var b = Param(DType.Float64, 1);
        var sgd = new Sgd([new ParameterGroup([a], 0.1), new ParameterGroup([b], 0.01)]);
        SetGradient(a, 1);
        SetGradient(b, 1);
        sgd.Step();
        Assert.Equal(0.9, a[0], 12);
        Assert.Equal(0.99, b[0], 12);
    }

    [Fact]
    public void Parameters_without_gradient_are_not_touched()
    {
        var a = Param(DType.Float64, 1);
        var b = Param(DType.Float64, 1);
        var adam = new Adam([a, b], learningRate: 0.1);
        SetGradient(a, 1);
        adam.Step();
        Assert.NotEqual(1, a[0]);
        Assert.Equal(1, b[0]);
    }

    [Fact]
    public void ClipGradNorm_scales_to_the_maximum_norm()
    {
        var a = Param(DType.Float64, 0);
        var b = Param(DType.Float32, 0);
        SetGradient(a, 3);
        SetGradient(b, 4);
        var norm = GradientClipping.ClipGradNorm([a, b], maxNorm: 1);
        Assert.Equal(5, norm, 6);
        Assert.Equal(3 / (5 + 1e-6), a.Grad![0], 12);
        Assert.Equal(4 / (5 + 1e-6), b.Grad![0], 6);
    }

    [Fact]
    public void ClipGradNorm_leaves_small_gradients()
    {
        var a = Param(DType.Float64, 0, 0);
        SetGradient(a, 0.3, 0.4);
        Assert.Equal(0.5, GradientClipping.ClipGradNorm([a], maxNorm: 1), 12);
        Assert.Equal([0.3, 0.4], a.Grad!.ToArray());
    }

    [Fact]
    public void StepLr_decays_every_step_size_epochs()
    {
        var sgd = new Sgd([Param(DType.Float64, 0)], learningRate: 1);
        var schedule = new StepLr(sgd, stepSize: 2, gamma: 0.5);
        var rates = new List<double>();
        for (var epoch = 0; epoch < 5; epoch++)
        {
            schedule.Step();
            rates.Add(sgd.Groups[0].LearningRate);
        }
        Assert.Equal([1, 0.5, 0.5, 0.25, 0.25], rates);
    }

    [Fact]
    public void ExponentialLr_decays_every_epoch_in_every_group()
    {
        var sgd = new Sgd([new ParameterGroup([Param(DType.Float64, 0)], 1), new ParameterGroup([Param(DType.Float64, 0)], 0.1)]);
        var schedule = new ExponentialLr(sgd, gamma: 0.9);
        schedule.Step();
        schedule.Step();
        Assert.Equal(0.81, sgd.Groups[0].LearningRate, 12);
        Assert.Equal(0.081, sgd.Groups[1].LearningRate, 12);
    }
}
