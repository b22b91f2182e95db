namespace Ppl.StdLib.Distributions;

/// <summary>How a named alternative's value becomes the positional parameter it replaces (lowering removes
/// the sugar: <c>Normal(m, precision: t)</c> is <c>Normal(m, 1/√t)</c>).</summary>
public enum ParameterConversion
{
    /// <summary>A positional parameter: no conversion.</summary>
    None,

    /// <summary>√v: a variance to a standard deviation.</summary>
    SquareRoot,

    /// <summary>1/√τ: a precision to a standard deviation.</summary>
    InverseSquareRoot,

    /// <summary>1/θ: a scale to a rate.</summary>
    Reciprocal,

    /// <summary>σ(l) = 1/(1 + e^−l): logits to a probability (families may keep the logits for accuracy).</summary>
    Sigmoid,

    /// <summary>softmax(l): a vector of logits to a probability vector.</summary>
    Softmax,

    /// <summary>Λ⁻¹: a precision matrix to a covariance matrix.</summary>
    MatrixInverse,
}
