using System.Collections.Immutable;
using Ppl.Compiler.Ir;
using Ppl.StdLib.Distributions;

namespace Ppl.Compiler.Analysis;

/// <summary>
/// The analyses the planner needs, as one pass over the model IR (the guide is not analysed: it is the
/// variational family, not the model): each latent's scope (global or local to a data plate), domain
/// (discrete or continuous), role (unknown, predicted, net weights) and conjugacy with every factor
/// that reads it; the mixture and linear-Gaussian patterns; params and nets.
/// </summary>
public static class ModelAnalyzer
{
    /// <summary>Analyses <paramref name="model"/>.</summary>
    /// <param name="model">A lowered (or fluent-built) model IR.</param>
    /// <returns>The analysis.</returns>
    public static ModelAnalysis Analyze(ModelIr model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var nodes = model.Nodes;
        var lets = nodes.OfType<LetNode>().GroupBy(l => l.Name).ToImmutableDictionary(g => g.Key, g => g.First().Value);
        var finder = new OccurrenceFinder(lets);
        var randoms = nodes.OfType<RandomNode>().ToImmutableArray();
        var observed = randoms.Where(r => r.IsObserved).ToImmutableArray();
        var dataPlates = observed.SelectMany(r => r.Plates).ToImmutableHashSet();
        var predicted = randoms
            .Where(r => !r.IsObserved && !nodes.Any(n => !ReferenceEquals(n, r) && IrWalker.Dependencies(n).Contains(r.Name)))
            .Select(r => r.Name)
            .ToImmutableHashSet();
        var factors = randoms.Where(r => !predicted.Contains(r.Name)).ToImmutableArray();

        var latents = ImmutableArray.CreateBuilder<LatentInfo>();
        foreach (var node in nodes)
        {
            if (node is RandomNode { IsObserved: false } random)
            {
                var role = predicted.Contains(random.Name) ? LatentRole.Predicted : LatentRole.Unknown;
                latents.Add(Classify(random, random.Distribution.Family, role, random.Plates.Any(dataPlates.Contains), factors, finder));
            }
            else if (node is NetNode { Prior: { } prior } net)
            {
                latents.Add(Classify(net, prior.Family, LatentRole.NetWeights, local: false, factors, finder));
            }
        }

        var built = latents.ToImmutable();
        return new ModelAnalysis(
            model,
            built,
            observed,
            [.. nodes.OfType<ParamNode>()],
            [.. nodes.OfType<NetNode>()],
            Mixtures(built),
            LinearGaussians(built, finder));
    }

    private static LatentInfo Classify(
        IrNode node, string family, LatentRole role, bool local, ImmutableArray<RandomNode> factors, OccurrenceFinder finder)
    {
        var known = DistributionCatalog.TryGet(family, out var spec);
        var discrete = known && spec!.IsDiscrete;
        var links = ImmutableArray.CreateBuilder<FactorLink>();
        foreach (var factor in factors)
        {
            if (factor.Name == node.Name && factor is RandomNode { IsObserved: false })
            {
                continue;
            }

            var names = ConjugacyRules.ParameterNames(factor.Distribution);
            for (var i = 0; i < factor.Distribution.Arguments.Length; i++)
            {
                var occurrence = finder.Find(factor.Distribution.Arguments[i], node.Name);
                if (occurrence.IsPresent)
                {
                    var parameter = i < names.Count ? names[i] : "argument";
                    links.Add(Link(node, family, discrete, factor, parameter, occurrence));
                }
            }

            foreach (var component in factor.Distribution.Components)
            {
                if (IrWalker.Descendants(component).Any(e => finder.Contains(e, node.Name)))
                {
                    links.Add(new FactorLink(factor, "component", new(OccurrenceKind.Nonlinear), null,
                        $"{node.Name} enters a component of a Mixture, which is not conjugate"));
                }
            }
        }

        var priorProblem = node is NetNode
            ? "neural networks are not conjugate"
            : !known ? $"unknown family {family}"
            : !spec!.IsExponentialFamily ? $"{family} is not an exponential family, so it has no conjugate update"
            : null;
        return new LatentInfo(
            node.Name,
            node,
            family,
            local ? LatentScope.Local : LatentScope.Global,
            discrete ? LatentDomain.Discrete : LatentDomain.Continuous,
            role,
            known && !discrete && spec!.Support != Domain.PositiveDefinite,
            priorProblem,
            links.ToImmutable());
    }

    private static FactorLink Link(IrNode latent, string family, bool discrete, RandomNode factor, string parameter, Occurrence occurrence)
    {
        var likelihood = factor.Distribution.Family;
        if (latent is NetNode)
        {
            return new(factor, parameter, occurrence, null, $"the weights of net {latent.Name} enter {likelihood} through the network; neural networks are not conjugate");
        }

        if (occurrence.Kind == OccurrenceKind.Index)
        {
            return discrete
                ? new(factor, parameter, occurrence, "discrete index (mixture)", null)
                : new(factor, parameter, occurrence, null, $"{latent.Name} is continuous but used as an index");
        }

        if (discrete)
        {
            return new(factor, parameter, occurrence, null,
                $"discrete {latent.Name} enters {likelihood}'s {parameter} as a value; only its use as an index (mu[{latent.Name}[n]]) is conjugate");
        }

        if (ConjugacyRules.Find(family, likelihood, parameter) is not { } rule)
        {
            return new(factor, parameter, occurrence, null,
                $"a {family} latent as {likelihood}'s {parameter} is not a conjugate pair");
        }

        return ConjugacyRules.Admits(rule.Loosest, occurrence.Kind)
            ? new(factor, parameter, occurrence, rule.Name + (occurrence.Kind == OccurrenceKind.Affine && rule.Loosest == OccurrenceKind.Affine ? " (linear-Gaussian)" : ""), null)
            : new(factor, parameter, occurrence, null, occurrence.Kind == OccurrenceKind.Nonlinear
                ? $"{latent.Name} enters {likelihood}'s {parameter} through a nonlinear function{Culprit(occurrence)}"
                : $"{latent.Name} enters {likelihood}'s {parameter} {Describe(occurrence.Kind)}; {rule.Name} needs it {Describe(rule.Loosest)}");
    }

    private static string Culprit(Occurrence occurrence) =>
        occurrence.Culprit is { } culprit ? $" ({IrPrinter.Expression(culprit)})" : "";

    private static string Describe(OccurrenceKind kind) => kind switch
    {
        OccurrenceKind.Direct => "directly",
        OccurrenceKind.Scaled => "directly or scaled by a constant",
        OccurrenceKind.Affine => "affinely",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static ImmutableArray<MixturePattern> Mixtures(ImmutableArray<LatentInfo> latents) =>
    [
        .. latents
            .Where(l => l.Domain == LatentDomain.Discrete && l.Role == LatentRole.Unknown)
            .Select(l => (l.Name, Components: l.Links.Where(k => k.Occurrence.Kind == OccurrenceKind.Index).Select(k => k.Factor.Name).Distinct().ToImmutableArray()))
            .Where(m => m.Components.Length > 0)
            .Select(m => new MixturePattern(m.Name, m.Components)),
    ];

    /// <summary>
    /// A local Gaussian latent whose prior reads no latent and which enters only the means of Gaussian
    /// factors, affinely, with coefficients free of every other unknown latent.
    /// </summary>
    private static ImmutableArray<LinearGaussianPattern> LinearGaussians(
        ImmutableArray<LatentInfo> latents, OccurrenceFinder finder)
    {
        var unknowns = latents.Where(l => l.Role != LatentRole.Predicted).Select(l => l.Name).ToImmutableHashSet();
        var result = ImmutableArray.CreateBuilder<LinearGaussianPattern>();
        foreach (var latent in latents)
        {
            if (latent is not { Scope: LatentScope.Local, Role: LatentRole.Unknown, Family: "Normal" or "MvNormal", Node: RandomNode node }
                || latent.Links.IsEmpty
                || node.Distribution.Arguments.Any(a => unknowns.Any(u => finder.Contains(a, u))))
            {
                continue;
            }

            var linear = latent.Links.All(link =>
                link is { IsConjugate: true, Parameter: "mean", Factor: RandomNode factor }
                && factor.Distribution.Family is "Normal" or "MvNormal"
                && factor.Distribution.Arguments.All(a => unknowns.All(u => u == latent.Name || !finder.Contains(a, u))));
            if (linear)
            {
                result.Add(new LinearGaussianPattern(latent.Name, [.. latent.Links.Select(l => l.Factor.Name).Distinct()]));
            }
        }

        return result.ToImmutable();
    }
}
