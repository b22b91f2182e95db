using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.StdLib.Distributions;
using Ppl.Tensors.Random;

namespace Ppl.Inference.Sampling;

/// <summary>
/// Draws from a model's prior (and prior predictive) by ancestral sampling of the IR in double
/// precision: nodes in order, each random node once per element of its plates, its distribution built
/// with the StdLib's <see cref="DistributionFactory"/> from arguments evaluated by <see cref="IrEvaluator"/>.
/// Observed nodes are drawn too (the prior predictive); data that no random node produces is read from
/// the bound data. Networks and params without an initial value are not covered.
/// </summary>
public static class ForwardSampler
{
    /// <summary>Draws <paramref name="count"/> times from the prior of <paramref name="ir"/>.</summary>
    /// <param name="ir">The model IR.</param>
    /// <param name="data">The bound data (sizes and inputs).</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <returns>One variable per random node (latent or observed), in model order, each with its plate axes first.</returns>
    /// <exception cref="ForwardSamplingException">The model uses something forward sampling does not cover.</exception>
    public static DrawSet Draw(ModelIr ir, BoundData data, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(ir);
        ArgumentNullException.ThrowIfNull(data);
        return Draw(ir, data, count, new RandomSource(seed), fixedValue: null);
    }

    /// <summary>
    /// Ancestral sampling where some nodes are given rather than drawn: for draw d, a latent or param
    /// for which <paramref name="fixedValue"/> returns a value (its whole shape, plate axes first) keeps
    /// that value, and everything downstream of it — observed nodes included — is drawn given it.
    /// This is how posterior predictive draws are made (<see cref="PosteriorPredictiveSampler"/>).
    /// </summary>
    /// <param name="ir">The model IR.</param>
    /// <param name="data">The bound data.</param>
    /// <param name="count">Number of draws.</param>
    /// <param name="random">The random stream.</param>
    /// <param name="fixedValue">For draw d and a node with its expected shape, the value to keep, or null to draw (a param: to use its initial value).</param>
    /// <returns>One variable per random node, in model order.</returns>
    internal static DrawSet Draw(ModelIr ir, BoundData data, int count, RandomSource random, Func<int, IrNode, int[], double[]?>? fixedValue)
    {
        var randomNodes = ir.Nodes.OfType<RandomNode>().ToList();
        var draws = randomNodes.Select(_ => new List<double[]>(count)).ToList();
        var shapes = new int[randomNodes.Count][];
        for (var d = 0; d < count; d++)
        {
            var evaluator = new IrEvaluator(ir, data);
            foreach (var node in ir.Nodes)
            {
                if (fixedValue is not null && node is RandomNode { IsObserved: false } or ParamNode)
                {
                    var shape = evaluator.ShapeOf(node.Plates, node.Type);
                    if (fixedValue(d, node, shape) is { } given)
                    {
                        evaluator.Set(node.Name, node.Plates, new SampledValue(shape, given));
                        continue;
                    }
                }
                switch (node)
                {
                    case RandomNode r:
                        var elementShape = evaluator.ShapeOf([], r.Type);
                        evaluator.Store(r.Name, r.Plates, r.Type, env => SampleOne(evaluator, r.Distribution, elementShape, env, random));
                        break;
                    case LetNode let:
                        evaluator.Store(let.Name, let.Value.Plates, let.Value.Type, env => evaluator.Evaluate(let.Value, env));
                        break;
                    case ConstNode constant:
                        evaluator.Store(constant.Name, constant.Value.Plates, constant.Value.Type, env => evaluator.Evaluate(constant.Value, env));
                        break;
                    case ParamNode param when param.Init is { } init:
                        evaluator.Store(param.Name, param.Plates, param.Type, env => evaluator.Evaluate(init, env));
                        break;
                    case ParamNode param:
                        throw new ForwardSamplingException($"param '{param.Name}' has no initial value to sample with", param.Span);
                    default:
                        break;
                }
            }
            for (var i = 0; i < randomNodes.Count; i++)
            {
                var value = evaluator.Value(randomNodes[i].Name);
                shapes[i] = value.Shape;
                draws[i].Add(value.Values);
            }
        }
        var set = new DrawSet(count);
        for (var i = 0; i < randomNodes.Count; i++)
        {
            set.Add(randomNodes[i].Name, shapes[i] ?? [], draws[i]);
        }
        return set;
    }

    private static SampledValue SampleOne(IrEvaluator evaluator, IrDistribution distribution, int[] elementShape, IReadOnlyDictionary<string, int> env, RandomSource random)
    {
        if (IsElementwise(distribution, elementShape))
        {
            return Elementwise(evaluator, distribution, elementShape, env, random);
        }
        var built = Build(evaluator, distribution, env);
        return built switch
        {
            IUnivariateDistribution univariate => SampledValue.Scalar(univariate.Sample(random)),
            Categorical categorical => SampledValue.Scalar(categorical.Sample(random)),
            MvNormal mv => Vector(mv.Sample(random)),
            DiagonalNormal diagonal => Vector(diagonal.Sample(random)),
            Dirichlet dirichlet => Vector(dirichlet.Sample(random)),
            Wishart wishart => Square(wishart.Sample(random)),
            _ => throw new ForwardSamplingException($"drawing from {distribution.Family} is not covered", distribution.Span),
        };
    }

    /// <summary>
    /// A scalar family with scalar parameters declared for an array (<c>z: real[M] ~ Normal(0, 1)</c>,
    /// <c>w: real[D] ~ Normal(0, precision: alpha)</c>) is one independent draw per element, its
    /// arguments broadcast to the declared shape.
    /// </summary>
    private static bool IsElementwise(IrDistribution distribution, int[] elementShape) =>
        elementShape.Length > 0 && IsScalarFamily(distribution);

    /// <summary>A family with a scalar variate and scalar parameters (not a mixture): drawn element by element.</summary>
    internal static bool IsScalarFamily(IrDistribution distribution) =>
        DistributionCatalog.TryGet(distribution.Family, out var spec)
        && spec is { SupportRank: EventRank.Scalar, IsVariadic: false }
        && spec.Parameters.Concat(spec.Alternatives).All(p => p.Rank == EventRank.Scalar);

    /// <summary>
    /// One independent draw per element of a scalar family (<see cref="IsScalarFamily"/>) whose
    /// arguments are given per element, all of one length: the StdLib distribution built for each.
    /// </summary>
    internal static double[] ElementDraws(IrDistribution distribution, IReadOnlyList<double[]> arguments, RandomSource random)
    {
        var total = arguments.Count == 0 ? 0 : arguments[0].Length;
        var values = new double[total];
        for (var i = 0; i < total; i++)
        {
            var built = Construct(distribution, [.. arguments.Select(a => (object)a[i])], []);
            values[i] = built switch
            {
                IUnivariateDistribution univariate => univariate.Sample(random),
                _ => throw new ForwardSamplingException($"drawing from {distribution.Family} is not covered", distribution.Span),
            };
        }
        return values;
    }

    private static SampledValue Elementwise(IrEvaluator evaluator, IrDistribution distribution, int[] elementShape, IReadOnlyDictionary<string, int> env, RandomSource random)
    {
        var total = elementShape.Aggregate(1, (a, b) => a * b);
        var template = new SampledValue(elementShape, new double[total]);
        var arguments = distribution.Arguments
            .Select(a => SampledValue.Broadcast(evaluator.Evaluate(a, env), template, (value, _) => value))
            .ToList();
        if (arguments.Any(a => a.Values.Length != total))
        {
            throw new ForwardSamplingException($"the arguments of {distribution.Family} do not fit the declared shape [{string.Join(", ", elementShape)}]", distribution.Span);
        }
        return new SampledValue(elementShape, ElementDraws(distribution, [.. arguments.Select(a => a.Values)], random));
    }

    private static SampledValue Vector(double[] values) => new([values.Length], values);

    private static SampledValue Square(double[] values)
    {
        var side = (int)Math.Round(Math.Sqrt(values.Length));
        return new SampledValue([side, side], values);
    }

    private static object Build(IrEvaluator evaluator, IrDistribution distribution, IReadOnlyDictionary<string, int> env)
    {
        object Argument(IrExpr expression)
        {
            var value = evaluator.Evaluate(expression, env);
            return value.Shape.Length == 0 ? value.Values[0] : value.Values;
        }

        var components = distribution.Components.Select(c => Build(evaluator, c, env)).ToList();
        return Construct(distribution, [.. distribution.Arguments.Select(Argument)], components);
    }

    /// <summary>The StdLib distribution from evaluated arguments (and a mixture's built components).</summary>
    private static object Construct(IrDistribution distribution, IReadOnlyList<object> arguments, IReadOnlyList<object> components)
    {
        if (!DistributionCatalog.TryGet(distribution.Family, out var spec))
        {
            throw new ForwardSamplingException($"unknown distribution '{distribution.Family}'", distribution.Span);
        }
        if (spec.IsVariadic)
        {
            return Create(distribution, [.. arguments, .. components], null);
        }
        if (spec.FindParameter(distribution.Parameterisation) is { Replaces: { } replaced } alternative)
        {
            // An alternative parameterisation (e.g. Normal's precision:): every argument by name.
            var named = new Dictionary<string, object>();
            for (var i = 0; i < arguments.Count && i < spec.Parameters.Count; i++)
            {
                var slot = spec.Parameters[i].Name;
                named[slot == replaced ? alternative.Name : slot] = arguments[i];
            }
            return Create(distribution, [], named);
        }
        return Create(distribution, arguments, null);
    }

    private static object Create(IrDistribution distribution, IReadOnlyList<object> positional, IReadOnlyDictionary<string, object>? named)
    {
        try
        {
            return DistributionFactory.Create(distribution.Family, positional, named);
        }
        catch (ArgumentException e)
        {
            throw new ForwardSamplingException(e.Message, distribution.Span);
        }
    }
}
