using Ppl.Tensors.Random;

namespace Ppl.Tensors.Nn;

/// <summary>How a dense layer's weights are drawn (biases start at zero).</summary>
public enum Initialization
{
    /// <summary>
    /// Glorot &amp; Bengio (2010), eq. 16: U(−a, a) with a = √(6 / (in + out)), keeping activation variance
    /// steady through tanh/sigmoid/linear layers.
    /// </summary>
    Xavier,

    /// <summary>
    /// He et al. (2015), eq. 10 in uniform form: U(−a, a) with a = √(6 / in), i.e. variance 2/in, which
    /// compensates ReLU halving the variance.
    /// </summary>
    Kaiming,
}

/// <summary>Draws initial weights.</summary>
internal static class WeightInitializer
{
    internal static double Bound(Initialization initialization, int inputs, int outputs) => initialization switch
    {
        Initialization.Kaiming => Math.Sqrt(6.0 / inputs),
        _ => Math.Sqrt(6.0 / (inputs + outputs)),
    };

    internal static void Fill(Tensor weight, Initialization initialization, int inputs, int outputs, RandomSource random)
    {
        var a = Bound(initialization, inputs, outputs);
        for (var i = 0; i < weight.Length; i++)
        {
            weight[i] = a * (2 * random.NextDouble() - 1);
        }
    }

    /// <summary>Kaiming for ReLU (and softplus, its smooth twin), Xavier for the saturating activations.</summary>
    internal static Initialization DefaultFor(Activation activation) =>
        activation is Activation.Relu or Activation.Softplus ? Initialization.Kaiming : Initialization.Xavier;
}
