namespace Ppl.Tensors.Nn;

/// <summary>The activation functions of <c>mlp(..., act: ...)</c>.</summary>
public enum Activation
{
    /// <summary>No activation: y = x.</summary>
    Identity,

    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>tanh x.</summary>
    Tanh,

    /// <summary>σ(x) = 1/(1 + e⁻ˣ).</summary>
    Sigmoid,

    /// <summary>log(1 + eˣ).</summary>
    Softplus,
}
