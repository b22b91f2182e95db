namespace Ppl.Compiler.Analysis;

/// <summary>Whether a latent is shared by all data or has one copy per data item.</summary>
public enum LatentScope
{
    /// <summary>Outside every plate that holds observations (<c>theta</c>, <c>mu[k]</c> of a component plate).</summary>
    Global,

    /// <summary>Inside a plate that holds observations: one copy per item (<c>z[n]</c>, <c>alpha[r]</c>).</summary>
    Local,
}

/// <summary>The kind of values a latent takes, from its distribution's support.</summary>
public enum LatentDomain
{
    /// <summary>Real-valued (vectors, matrices, positive or bounded reals).</summary>
    Continuous,

    /// <summary>Integer-valued (category indices, booleans, counts): no pathwise gradient.</summary>
    Discrete,
}

/// <summary>What a latent is for.</summary>
public enum LatentRole
{
    /// <summary>An unknown with a prior that the data inform.</summary>
    Unknown,

    /// <summary>Nothing depends on it and it is not data: its posterior is the posterior predictive (<c>y_new</c>).</summary>
    Predicted,

    /// <summary>The weights of a <c>net</c> with a <c>prior:</c> (Bayes by Backprop).</summary>
    NetWeights,
}
