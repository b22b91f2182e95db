namespace Ppl.StdLib.Distributions;

/// <summary>
/// Builds a distribution from its catalogue name and double-valued arguments, as a model's call site writes
/// them: positional arguments first, then named ones (a positional parameter by name, or a named
/// alternative such as <c>precision:</c>). Used wherever a backend or the command line needs a concrete
/// distribution object (predictive sampling, posterior summaries, prior draws).
/// </summary>
/// <remarks>
/// Argument values are <see cref="double"/> (also for counts), <see cref="double"/>[] for vectors and
/// row-major matrices, and <see cref="IUnivariateDistribution"/> for a Mixture's components (positional,
/// after the weights). Arity and naming errors are <see cref="ArgumentException"/>s naming the distribution;
/// invalid values are <see cref="DistributionParameterException"/>s.
/// </remarks>
public static class DistributionFactory
{
    /// <summary>Builds <paramref name="name"/> from positional and named arguments.</summary>
    public static object Create(string name, IReadOnlyList<object> positional, IReadOnlyDictionary<string, object>? named = null)
    {
        ArgumentNullException.ThrowIfNull(positional);
        if (!DistributionCatalog.TryGet(name, out var spec))
        {
            var suggestions = DistributionCatalog.Suggest(name);
            throw new ArgumentException(
                $"unknown distribution '{name}'" + (suggestions.Count > 0 ? $"; did you mean '{suggestions[0]}'?" : ""), nameof(name));
        }
        named ??= new Dictionary<string, object>();
        if (spec.IsVariadic)
        {
            return CreateMixture(positional, named);
        }
        if (positional.Count > spec.Arity)
        {
            throw new ArgumentException($"{name} takes {spec.Arity} arguments, got {positional.Count}.", nameof(positional));
        }
        foreach (var key in named.Keys)
        {
            var parameter = spec.FindParameter(key)
                ?? throw new ArgumentException($"{name} has no parameter '{key}'; it has {string.Join(", ", spec.Parameters.Concat(spec.Alternatives).Select(p => p.Name))}.");
            var slot = parameter.Replaces ?? parameter.Name;
            var index = spec.Parameters.Select(p => p.Name).ToList().IndexOf(slot);
            if (index < positional.Count)
            {
                throw new ArgumentException($"{name}: '{key}' is given twice (positionally and by name).");
            }
        }
        // One value per positional slot: (the name it was given under, its value).
        var slots = new (string Given, object Value)[spec.Arity];
        for (var i = 0; i < spec.Arity; i++)
        {
            var p = spec.Parameters[i];
            if (i < positional.Count)
            {
                slots[i] = (p.Name, positional[i]);
                continue;
            }
            var candidates = named.Where(kv => kv.Key == p.Name || spec.FindParameter(kv.Key)?.Replaces == p.Name).ToArray();
            slots[i] = candidates.Length switch
            {
                1 => (candidates[0].Key, candidates[0].Value),
                0 => throw new ArgumentException($"{name}: missing argument '{p.Name}'."),
                _ => throw new ArgumentException($"{name}: give only one of {string.Join(", ", candidates.Select(c => c.Key))}."),
            };
        }
        return Build(name, slots);
    }

    private static object Build(string name, (string Given, object Value)[] a)
    {
        double S(int i) => a[i].Value switch
        {
            double d => d,
            int n => n,
            _ => throw new ArgumentException($"{name}: '{a[i].Given}' must be a number."),
        };
        double[] V(int i) => a[i].Value as double[] ?? throw new ArgumentException($"{name}: '{a[i].Given}' must be a vector.");
        int N(int i)
        {
            var v = S(i);
            return v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue
                ? (int)v
                : throw Guard.Fail(name, a[i].Given, "must be an integer", v);
        }
        var given = a.Select(x => x.Given).ToArray();
        return name switch
        {
            "Normal" => given[1] switch
            {
                "var" => Normal.FromVariance(S(0), S(1)),
                "precision" => Normal.FromPrecision(S(0), S(1)),
                _ => new Normal(S(0), S(1)),
            },
            "MvNormal" => given[1] == "precision" ? MvNormal.FromPrecision(V(0), V(1)) : new MvNormal(V(0), V(1)),
            "Gamma" => given[1] == "scale" ? Gamma.FromScale(S(0), S(1)) : new Gamma(S(0), S(1)),
            "InverseGamma" => new InverseGamma(S(0), S(1)),
            "Beta" => new Beta(S(0), S(1)),
            "Bernoulli" => given[0] == "logits" ? Bernoulli.FromLogits(S(0)) : new Bernoulli(S(0)),
            "Binomial" => new Binomial(N(0), S(1)),
            "Categorical" => given[0] == "logits" ? Categorical.FromLogits(V(0)) : new Categorical(V(0)),
            "Multinomial" => new Multinomial(N(0), V(1)),
            "Dirichlet" => new Dirichlet(V(0)),
            "Poisson" => new Poisson(S(0)),
            "Exponential" => new Exponential(S(0)),
            "Uniform" => new Uniform(S(0), S(1)),
            "Laplace" => new Laplace(S(0), S(1)),
            "StudentT" => new StudentT(S(0), S(1), S(2)),
            "HalfNormal" => new HalfNormal(S(0)),
            "HalfCauchy" => new HalfCauchy(S(0)),
            "LogNormal" => new LogNormal(S(0), S(1)),
            "Wishart" => new Wishart(S(0), V(1)),
            _ => throw new InvalidOperationException($"The catalogue has '{name}' but the factory does not build it."),
        };
    }

    private static Mixture CreateMixture(IReadOnlyList<object> positional, IReadOnlyDictionary<string, object> named)
    {
        if (named.Count > 0)
        {
            throw new ArgumentException($"Mixture takes no named arguments, got {string.Join(", ", named.Keys)}.");
        }
        if (positional.Count < 2 || positional[0] is not double[] weights)
        {
            throw new ArgumentException("Mixture takes a weight vector followed by one or more components.");
        }
        var components = positional.Skip(1).Select((c, i) => c as IUnivariateDistribution
            ?? throw new ArgumentException($"Mixture: component {i + 1} is not a univariate distribution.")).ToArray();
        return new Mixture(weights, components);
    }
}
