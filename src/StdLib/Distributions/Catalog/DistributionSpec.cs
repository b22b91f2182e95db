namespace Ppl.StdLib.Distributions;

/// <summary>
/// The declared facts of one distribution family: its name, positional parameters and their named
/// alternatives, its support, and its capabilities. The compiler reads these for arity, named-argument,
/// type and support checks; the planner and the SVI backend derive capabilities from them
/// (STYLE.md, principle 4).
/// </summary>
/// <param name="Name">The name in the language, e.g. <c>Normal</c>.</param>
/// <param name="Parameters">The positional parameters in order.</param>
/// <param name="Alternatives">Named alternatives, each replacing one positional parameter
/// (<c>Normal(mean, precision: t)</c>).</param>
/// <param name="Support">The set a variate lives in.</param>
/// <param name="SupportRank">The rank of one variate.</param>
/// <param name="IsDiscrete">Whether the variate is discrete (a probability mass function).</param>
/// <param name="Reparameterisation">How samples can be differentiated.</param>
/// <param name="ReparameterisationNote">Why, in a sentence the SVI backend or <c>ppl explain</c> can print.</param>
/// <param name="IsExponentialFamily">Whether the family exposes natural parameters and sufficient statistics
/// (<see cref="IExponentialFamily{TSelf, TValue}"/>), which message passing and EM need.</param>
/// <param name="IsVariadic">Whether further arguments follow the positional ones (Mixture's components).</param>
public sealed record DistributionSpec(
    string Name,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<ParameterSpec> Alternatives,
    Domain Support,
    EventRank SupportRank,
    bool IsDiscrete,
    Reparameterisation Reparameterisation,
    string ReparameterisationNote,
    bool IsExponentialFamily,
    bool IsVariadic = false)
{
    /// <summary>The number of positional arguments a call takes (at least this many if variadic).</summary>
    public int Arity => Parameters.Count;

    /// <summary>Whether samples have a pathwise gradient with respect to at least one parameter.</summary>
    public bool HasReparameterisedSample => Reparameterisation != Reparameterisation.None;

    /// <summary>Whether the family has a CDF and quantile function (univariate and continuous).</summary>
    public bool HasCdf => !IsDiscrete && SupportRank == EventRank.Scalar && !IsVariadic;

    /// <summary>The parameters (positional or alternative) with respect to which samples are differentiable.</summary>
    public IEnumerable<ParameterSpec> ReparameterisedParameters =>
        Parameters.Concat(Alternatives).Where(p => p.IsReparameterised);

    /// <summary>Finds a positional parameter or named alternative by name.</summary>
    public ParameterSpec? FindParameter(string name) =>
        Parameters.Concat(Alternatives).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The signature as DESIGN.md writes it, e.g. <c>Normal(mean, sd | var: | precision:)</c>.</summary>
    public string Signature
    {
        get
        {
            var positional = string.Join(", ", Parameters.Select(p => p.Name));
            if (IsVariadic)
            {
                positional += ", D1, D2, ...";
            }
            var named = string.Concat(Alternatives.Select(a => $" | {a.Name}:"));
            return $"{Name}({positional}{named})";
        }
    }
}
