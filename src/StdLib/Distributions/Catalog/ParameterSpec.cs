namespace Ppl.StdLib.Distributions;

/// <summary>
/// One parameter of a distribution as the language names it, with the facts the compiler checks and
/// from which the SVI backend derives its gradient estimator (NumPyro's <c>arg_constraints</c> and
/// <c>reparametrized_params</c>).
/// </summary>
/// <param name="Name">The name in the language, e.g. <c>sd</c>; also the keyword of a named argument.</param>
/// <param name="Domain">The set its values must lie in.</param>
/// <param name="Rank">Scalar, vector or matrix per event.</param>
/// <param name="IsReparameterised">Whether samples are differentiable with respect to it.</param>
/// <param name="Replaces">For a named alternative (e.g. <c>precision:</c>), the positional parameter it
/// stands in for (<c>sd</c>); null for positional parameters.</param>
/// <param name="Conversion">For a named alternative, the map from its value to the positional parameter's
/// (precision → sd is <see cref="ParameterConversion.InverseSquareRoot"/>), which lowering applies.</param>
public sealed record ParameterSpec(
    string Name, Domain Domain, EventRank Rank, bool IsReparameterised, string? Replaces = null,
    ParameterConversion Conversion = ParameterConversion.None)
{
    /// <summary>Whether this is a named alternative to a positional parameter.</summary>
    public bool IsAlternative => Replaces is not null;
}
