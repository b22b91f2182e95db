using Ppl.Inference.Svi;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Tests.Svi;

/// <summary>
/// Predictive entropy, expected entropy and mutual information (Kendall and Gal 2017) against hand
/// computations on fixed probabilities, and end to end on Bayesian logistic regression.
/// </summary>
public sealed class ClassificationUncertaintyTests
{
    [Fact]
    public void Bernoulli_split_matches_a_hand_computation()
    {
        // Element 0: draws p = 0.9, 0.1 → p̄ = 0.5, H[p̄] = ln 2, E H = h(0.9) = −0.9 ln 0.9 − 0.1 ln 0.1 = 0.3250830.
        // Element 1: draws 0.5, 0.5 → all three ln 2, ln 2, 0. Element 2: draws 0.99, 0.99 → MI 0.
        var split = ClassificationUncertainty.FromDraws([[0.9, 0.5, 0.99], [0.1, 0.5, 0.99]], classes: 1);
        var h99 = -0.99 * Math.Log(0.99) - 0.01 * Math.Log(0.01);
        AssertClose([Math.Log(2), Math.Log(2), h99], split.PredictiveEntropy);
        AssertClose([0.3250829733914482, Math.Log(2), h99], split.ExpectedEntropy);
        AssertClose([Math.Log(2) - 0.3250829733914482, 0, 0], split.MutualInformation);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12);
        }
    }

    [Fact]
    public void Categorical_split_matches_a_hand_computation()
    {
        // Draws (0.7, 0.2, 0.1) and (0.1, 0.2, 0.7): p̄ = (0.4, 0.2, 0.4), H[p̄] = −0.8 ln 0.4 − 0.2 ln 0.2
        // = 1.0549202; each draw's entropy −0.7 ln 0.7 − 0.2 ln 0.2 − 0.1 ln 0.1 = 0.8018186.
        var split = ClassificationUncertainty.FromDraws([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]], classes: 3);
        Assert.Equal(1.0549201679861442, split.PredictiveEntropy[0], 1e-12);
        Assert.Equal(0.8018185525433372, split.ExpectedEntropy[0], 1e-12);
        Assert.Equal(1.0549201679861442 - 0.8018185525433372, split.MutualInformation[0], 1e-12);
    }

    [Fact]
    public void Logistic_regression_predictions_report_more_epistemic_uncertainty_far_from_the_data()
    {
        const string model = """
            data x: real[N]
            data y: bool[N]
            data x_new: real[M]
            w ~ Normal(0, 1)
            b ~ Normal(0, 1)
            plate n in N { y[n] ~ Bernoulli(logits: x[n] * w + b) }
            plate m in M { y_new[m] ~ Bernoulli(logits: x_new[m] * w + b) }
            """;
        var random = new RandomSource(3);
        const int n = 10;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = 2 * random.NextDouble() - 1;
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-0.5 * x[i])) ? 1 : 0;
        }
        double[] grid = [0.0, 3.0];
        var result = SviPipeline.Run(model,
            [SviPipeline.Real("x", x, n), Ppl.StdLib.Data.DataArray.FromValues("y", [n], Ppl.StdLib.Data.DataElementKind.Boolean, y), SviPipeline.Real("x_new", grid, grid.Length)],
            new InferenceOptions { Seed = 1, Steps = 2000 });

        var p = result.Posterior("y_new")!;
        var total = p.PredictiveEntropy!.Values;
        var expected = p.ExpectedEntropy!.Values;
        var information = p.MutualInformation!.Values;
        for (var j = 0; j < grid.Length; j++)
        {
            Assert.Equal(total[j], expected[j] + information[j], 1e-9);
            Assert.InRange(total[j], 0, Math.Log(2) + 1e-12);
        }
        // Ten points with a weak slope leave w uncertain: at x = 0 only b's uncertainty acts; at x = 3
        // (three times the data's range) the logit's sd is ≈ 3·sd(w) and the draws disagree far more
        // (1,000 draws: the MI's Monte Carlo error is about 0.01 nats).
        Assert.True(information[1] > information[0] + 0.05, $"MI at 0: {information[0]:G3}, at 3: {information[1]:G3}");
    }
}
