using Ppl.Compiler.Analysis;
using Ppl.Compiler.Binding;
using Ppl.Compiler.Ir;
using Ppl.Inference.Vmp.Factors;
using Ppl.Inference.Vmp.Gmm;
using Ppl.Inference.Vmp.Summaries;
using Ppl.Inference.Vmp.Variables;

namespace Ppl.Inference.Vmp.Building;

/// <summary>
/// Reads the IR generically — the node graph, each distribution's family, parameterisation and
/// arguments — and builds the engine's variables (one per latent node, by its prior's family) and
/// factors (one per random node). A combination the engine cannot run is a <see cref="VmpModelException"/>
/// naming the statement.
/// </summary>
internal sealed class VmpModelBuilder
{
    private readonly ModelIr _model;
    private readonly ModelAnalysis _analysis;
    private readonly KnownEvaluator _known;
    private readonly Dictionary<string, VmpVariable> _variables = [];
    private readonly Dictionary<string, ParamCell> _params = [];
    private readonly HashSet<string> _precisionParams = [];

    private readonly ulong _seed;
    private readonly bool _gatherStatistics;

    private VmpModelBuilder(ModelAnalysis analysis, BoundData data, ulong seed, bool gatherStatistics)
    {
        _seed = seed;
        _gatherStatistics = gatherStatistics;
        _model = analysis.Model;
        _analysis = analysis;
        _known = new KnownEvaluator(_model, data);
    }

    /// <summary>Builds the engine's model.</summary>
    /// <param name="analysis">The model's analysis (its IR, latents and their roles).</param>
    /// <param name="data">The bound data.</param>
    /// <param name="seed">Seed of any random initialisation (the mixture's centres).</param>
    /// <param name="gatherStatistics">
    /// Gather observed Normal data into sufficient statistics per group of cells (<see cref="ObservedNormalFactor"/>);
    /// false keeps the per-cell factor (the tests' independent twin).
    /// </param>
    /// <returns>The model.</returns>
    /// <exception cref="VmpModelException">A statement the engine cannot run.</exception>
    public static VmpModel Build(ModelAnalysis analysis, BoundData data, ulong seed, bool gatherStatistics = true) =>
        new VmpModelBuilder(analysis, data, seed, gatherStatistics).Build();

    private VmpModel Build()
    {
        foreach (var p in _model.Nodes.OfType<ParamNode>())
        {
            if (p.Type.Shape.Rank != 0)
            {
                throw Unsupported(p, $"the param '{p.Name}' is not a scalar; message passing fits scalar precisions by evidence maximisation");
            }

            var init = p.Init is null ? 1.0 : _known.Evaluate(p.Init) is { IsScalar: true } v ? v.Values[0] : 1.0;
            _params[p.Name] = new ParamCell(p, init);
        }

        var predicted = _analysis.Latents.Where(l => l.Role == LatentRole.Predicted).Select(l => l.Name).ToHashSet();
        var mixture = _analysis.Mixtures.Length > 0 ? VariationalMixtureBuilder.Build(_analysis, _known, _seed) : null;
        var inMixture = mixture?.Names.All ?? new HashSet<string>();
        var latents = _model.Nodes.OfType<RandomNode>()
            .Where(n => !n.IsObserved && !predicted.Contains(n.Name) && !inMixture.Contains(n.Name)).ToList();
        foreach (var node in latents)
        {
            _variables[node.Name] = CreateVariable(node);
        }

        var factors = new List<VmpFactor>();
        foreach (var node in _model.Nodes.OfType<RandomNode>())
        {
            if (predicted.Contains(node.Name) || inMixture.Contains(node.Name))
            {
                continue;
            }

            factors.Add(CreateFactor(node));
        }

        foreach (var factor in factors)
        {
            foreach (var variable in factor.Variables.Distinct())
            {
                variable.Factors.Add(factor);
            }
        }

        foreach (var cell in _params.Values.Where(c => !_precisionParams.Contains(c.Node.Name)))
        {
            throw Unsupported(cell.Node, $"message passing fits a param only as the precision of a Normal (evidence maximisation); '{cell.Node.Name}' is not one");
        }

        var predictions = _model.Nodes.OfType<RandomNode>().Where(n => predicted.Contains(n.Name)).Select(CreatePrediction).ToList();

        // Children before parents: the data's evidence reaches the leaves first (reverse IR order).
        var schedule = latents.Select(n => _variables[n.Name]).Reverse().ToList();
        return new VmpModel(schedule, factors, [.. _params.Values], predictions, mixture);
    }

    private static VmpModelException Unsupported(IrNode node, string message) =>
        new(message, node.Span);

    private VmpVariable CreateVariable(RandomNode node)
    {
        var grid = _known.Grid(node.Plates);
        var family = node.Distribution.Family;
        var rank = node.Type.Shape.Rank;
        switch (family)
        {
            case "Normal" when rank == 0:
                return new GaussianArray(node, grid);
            case "Normal" or "MvNormal" when rank == 1 && node.Plates.IsEmpty:
                return new MvGaussianVariable(node, _known.Shape(node.Type.Shape)[0]);
            case "Gamma" or "Exponential" when rank == 0:
                return new GammaArray(node, grid);
            case "Beta" when rank == 0:
                return new BetaArray(node, grid);
            case "Dirichlet" when rank == 1 && node.Plates.IsEmpty:
                return new DirichletVariable(node, _known.Shape(node.Type.Shape)[0]);
            default:
                throw Unsupported(node, $"message passing has no variational family for '{node.Name}' ({family} of type {node.Type}{(node.Plates.IsEmpty ? "" : " in plates " + string.Join(", ", node.Plates))})");
        }
    }

    private VmpVariable? Latent(IrExpr expr) =>
        expr is IrRef { Kind: SymbolKind.Random } r && _variables.TryGetValue(r.Name, out var v) ? v : null;

    private VmpFactor CreateFactor(RandomNode node)
    {
        var dist = node.Distribution;
        var grid = _known.Grid(node.Plates);
        _variables.TryGetValue(node.Name, out var self);
        switch (dist.Family)
        {
            case "Normal" when self is MvGaussianVariable w:
            {
                var mean = KnownOrThrow(node, dist.Arguments[0], "the prior mean");
                var m0 = mean.IsScalar ? Enumerable.Repeat(mean.Values[0], w.Dimension).ToArray() : mean.Values;
                return new GaussianVectorPriorFactor(node, w, m0, Precision(node, dist, grid), null);
            }

            case "MvNormal" when self is MvGaussianVariable w:
            {
                var m0 = KnownOrThrow(node, dist.Arguments[0], "the prior mean");
                var matrix = KnownOrThrow(node, dist.Arguments[1], "the prior covariance or precision").Values;
                var precision = dist.Parameterisation == "precision" ? matrix : InvertOrThrow(node, matrix, w.Dimension);
                var mean = m0.IsScalar ? Enumerable.Repeat(m0.Values[0], w.Dimension).ToArray() : m0.Values;
                return new GaussianVectorPriorFactor(node, w, mean, null, precision);
            }

            case "MvNormal" when node.IsObserved && Latent(dist.Arguments[0]) is MvGaussianVariable mu && node.Plates.Length == 1:
            {
                var matrix = KnownOrThrow(node, dist.Arguments[1], "the covariance or precision").Values;
                var precision = dist.Parameterisation == "precision" ? matrix : InvertOrThrow(node, matrix, mu.Dimension);
                var rows = _known.Observed(node).Values;
                return new MvNormalMeanFactor(node, mu, precision, rows);
            }

            case "Normal":
                return CreateNormalFactor(node, grid, self);
            case "Gamma" or "Exponential" or "Beta" or "Dirichlet" when self is not null:
                return CreateKnownPrior(node, grid, self);
            case "Bernoulli" or "Binomial" or "Poisson" or "Exponential" or "Categorical" when node.IsObserved:
                return CreateCountFactor(node, grid);
            default:
                throw Unsupported(node, $"message passing cannot run '{node.Name} ~ {dist.Family}(…)' with these arguments");
        }
    }

    private KnownValue KnownOrThrow(RandomNode node, IrExpr expr, string what) =>
        _known.Evaluate(expr) ?? throw Unsupported(node, $"{what} of '{node.Name}' must be known (data or constants) for message passing");

    private static double[] InvertOrThrow(RandomNode node, double[] matrix, int d) =>
        (SpdMatrix.TryFactor(matrix, d) ?? throw Unsupported(node, $"the covariance of '{node.Name}' is not positive definite")).Inverse();

    /// <summary>The precision of a Normal from its second argument under its parameterisation (sd, var or precision).</summary>
    private PrecisionSource Precision(RandomNode node, IrDistribution dist, PlateGrid grid)
    {
        var arg = dist.Arguments[1];
        if (_known.Evaluate(arg) is { } known)
        {
            var values = known.OnGrid(grid) ?? throw Unsupported(node, $"the scale of '{node.Name}' must be a scalar per element");
            Func<double, double> toPrecision = dist.Parameterisation switch
            {
                "precision" => t => t,
                "var" => v => 1 / v,
                _ => s => 1 / (s * s),
            };
            return PrecisionSource.Known([.. values.Select(toPrecision)]);
        }

        if (dist.Parameterisation != "precision")
        {
            throw Unsupported(node, $"message passing needs the unknown scale of '{node.Name}' as a precision (Normal(m, precision: tau) with tau ~ Gamma or a param)");
        }

        if (arg is IrRef { Kind: SymbolKind.Param } p && _params.TryGetValue(p.Name, out var cell))
        {
            _precisionParams.Add(p.Name);
            return PrecisionSource.OfParam(cell);
        }

        if (Latent(arg) is GammaArray gamma && grid.Contains(gamma.Grid) && ((IrRef)arg).Plates.Length == gamma.Grid.Names.Length)
        {
            return PrecisionSource.OfGamma(gamma, grid.MapTo(gamma.Grid));
        }

        throw Unsupported(node, $"the precision of '{node.Name}' must be known, a param or a Gamma latent for message passing");
    }

    /// <summary>Writes a Gaussian's mean as o + Σ cⱼ vⱼ (+ X w), or fails.</summary>
    private AffineMean? Affine(IrExpr expr)
    {
        if (_known.Evaluate(expr) is { } known)
        {
            return AffineMean.Known(known);
        }

        switch (expr)
        {
            case IrRef { Kind: SymbolKind.Random } r when Latent(r) is GaussianArray g && r.Type.Shape.Rank == 0 && r.Plates.Length == g.Grid.Names.Length:
                return new AffineMean(null, [new AffineTerm(g, null)], null);
            case IrBinary { Function: BinaryFunction.Add } b:
                return Affine(b.Left) is { } l && Affine(b.Right) is { } r2 ? AffineMean.Add(l, r2) : null;
            case IrBinary { Function: BinaryFunction.Subtract } b:
                return Affine(b.Left) is { } l2 && Affine(b.Right)?.Scale(KnownValue.Scalar(-1)) is { } r3 ? AffineMean.Add(l2, r3) : null;
            case IrBinary { Function: BinaryFunction.Multiply } b:
                return _known.Evaluate(b.Left) is { } kl ? Affine(b.Right)?.Scale(kl)
                    : _known.Evaluate(b.Right) is { } kr ? Affine(b.Left)?.Scale(kr) : null;
            case IrBinary { Function: BinaryFunction.Divide } b:
                return _known.Evaluate(b.Right) is { } d ? Affine(b.Left)?.Scale(d.Map(x => 1 / x)) : null;
            case IrUnary { Function: UnaryFunction.Negate } u:
                return Affine(u.Operand)?.Scale(KnownValue.Scalar(-1));
            case IrMatMul m when _known.Evaluate(m.Left) is { Inner.Length: 1 } x && Latent(m.Right) is MvGaussianVariable w && x.Inner[0] == w.Dimension:
                return new AffineMean(null, [], new DesignTerm(x, w));
            default:
                return null;
        }
    }

    private VmpFactor CreateNormalFactor(RandomNode node, PlateGrid grid, VmpVariable? self)
    {
        var dist = node.Distribution;
        var mean = Affine(dist.Arguments[0])
            ?? throw Unsupported(node, $"the mean of '{node.Name}' is not affine in Gaussian latents (needed for message passing)");
        var precision = Precision(node, dist, grid);
        var offset = mean.Offset is null ? null
            : mean.Offset.OnGrid(grid) ?? throw Unsupported(node, $"the mean of '{node.Name}' does not fit its plates");
        if (mean.Design is { } design)
        {
            if (!node.IsObserved || mean.Terms.Count > 0 || !precision.IsUniform || grid.Names.Length != 1
                || !design.Design.Grid.Names.SequenceEqual(grid.Names))
            {
                throw Unsupported(node, $"message passing runs 'X @ w' in the mean of observed data with one plate, a shared precision and no other latent terms ('{node.Name}')");
            }

            var y = _known.Observed(node).Values;
            if (offset is not null)
            {
                y = [.. y.Select((v, i) => v - offset[i])];
            }

            var statistics = RegressionStatistics.Gather(design.Design.Values, y, design.Weights.Dimension);
            return new LinearRegressionFactor(node, design.Weights, statistics, precision);
        }

        var terms = new List<GaussianTerm>();
        foreach (var t in mean.Terms)
        {
            if (!grid.Contains(t.Variable.Grid) || t.Variable == self)
            {
                throw Unsupported(node, $"the mean of '{node.Name}' uses '{t.Variable.Name}' outside its plates");
            }

            var coefficient = t.Coefficient is null ? null
                : t.Coefficient.OnGrid(grid) ?? throw Unsupported(node, $"a coefficient in the mean of '{node.Name}' does not fit its plates");
            terms.Add(new GaussianTerm(t.Variable, grid.MapTo(t.Variable.Grid), coefficient));
        }

        if (self is GaussianArray x)
        {
            return new NormalFactor(node, grid.Count, null, x, grid.MapTo(x.Grid), offset, terms, precision);
        }

        if (!node.IsObserved)
        {
            throw Unsupported(node, $"'{node.Name}' needs a Normal prior with a scalar element for message passing");
        }

        var data = _known.Observed(node);
        if (data.ElementSize != 1)
        {
            throw Unsupported(node, $"'{node.Name}' has vector elements; use MvNormal or write the plate over them");
        }

        return (_gatherStatistics ? ObservedNormalFactor.TryCreate(node, grid.Count, data.Values, offset, terms, precision) : null)
            ?? (VmpFactor)new NormalFactor(node, grid.Count, data.Values, null, null, offset, terms, precision);
    }

    private KnownPriorFactor CreateKnownPrior(RandomNode node, PlateGrid grid, VmpVariable self)
    {
        var dist = node.Distribution;
        double[] Field(IrExpr e) => KnownOrThrow(node, e, "every prior parameter").OnGrid(grid)
            ?? throw Unsupported(node, $"a prior parameter of '{node.Name}' does not fit its plates");
        switch (self)
        {
            case GammaArray when dist.Family == "Exponential":
                return new KnownPriorFactor(node, self, Enumerable.Repeat(1.0, grid.Count).ToArray(), Field(dist.Arguments[0]));
            case GammaArray:
            {
                var shape = Field(dist.Arguments[0]);
                var second = Field(dist.Arguments[1]);
                var rate = dist.Parameterisation == "scale" ? [.. second.Select(s => 1 / s)] : second;
                return new KnownPriorFactor(node, self, shape, rate);
            }

            case BetaArray:
                return new KnownPriorFactor(node, self, Field(dist.Arguments[0]), Field(dist.Arguments[1]));
            case DirichletVariable d:
            {
                var alpha = KnownOrThrow(node, dist.Arguments[0], "the Dirichlet concentration");
                var values = alpha.IsScalar ? Enumerable.Repeat(alpha.Values[0], d.Dimension).ToArray() : alpha.Values;
                return new KnownPriorFactor(node, self, values, []);
            }

            default:
                throw Unsupported(node, $"the prior of '{node.Name}' does not match its variational family");
        }
    }

    private CountFactor CreateCountFactor(RandomNode node, PlateGrid grid)
    {
        var dist = node.Distribution;
        var family = Enum.Parse<CountFamily>(dist.Family);
        var parameterArgument = family == CountFamily.Binomial ? dist.Arguments[1] : dist.Arguments[0];
        var parameter = Latent(parameterArgument);
        var expected = family switch
        {
            CountFamily.Bernoulli or CountFamily.Binomial => parameter is BetaArray && dist.Parameterisation != "logits",
            CountFamily.Poisson or CountFamily.Exponential => parameter is GammaArray,
            _ => parameter is DirichletVariable && dist.Parameterisation != "logits",
        };
        if (!expected || !grid.Contains(parameter!.Grid))
        {
            throw Unsupported(node, $"message passing needs the parameter of '{node.Name} ~ {dist.Family}' to be a conjugate latent ({(family is CountFamily.Poisson or CountFamily.Exponential ? "Gamma" : family == CountFamily.Categorical ? "Dirichlet" : "Beta")})");
        }

        var data = _known.Observed(node).Values;
        double[]? trials = null;
        if (family == CountFamily.Binomial)
        {
            trials = KnownOrThrow(node, dist.Arguments[0], "the number of trials").OnGrid(grid);
        }

        return new CountFactor(node, family, data, trials, parameter, grid.MapTo(parameter.Grid));
    }

    private NormalPrediction CreatePrediction(RandomNode node)
    {
        var dist = node.Distribution;
        if (dist.Family != "Normal" || node.Type.Shape.Rank != 0)
        {
            throw Unsupported(node, $"message passing predicts Normal nodes; '{node.Name} ~ {dist.Family}' is not one");
        }

        var grid = _known.Grid(node.Plates);
        var mean = Affine(dist.Arguments[0])
            ?? throw Unsupported(node, $"the mean of '{node.Name}' is not affine in Gaussian latents (needed for message passing)");
        return new NormalPrediction(node, grid, mean, Precision(node, dist, grid));
    }
}
