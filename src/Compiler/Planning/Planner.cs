using System.Collections.Immutable;
using Ppl.Compiler.Analysis;
using Ppl.Compiler.Ir;
using Ppl.Language.Diagnostics;

namespace Ppl.Compiler.Planning;

/// <summary>
/// Picks the backend that runs a model and explains itself (docs/planner.md has the rules):
/// <list type="bullet">
/// <item><b>em</b> when every local latent has an exact posterior (a discrete latent used only as an
/// index — the mixture pattern — or a linear-Gaussian latent — PPCA), every global is a param and there
/// are no nets;</item>
/// <item><b>vmp</b> when every latent is conjugate-exponential with every factor around it and there are no nets;</item>
/// <item><b>svi</b> when every latent is continuous with an automatic reparameterised guide (not a
/// covariance matrix), a Bernoulli or Categorical latent (score-function estimator), or covered by
/// the user's guide.</item>
/// </list>
/// When several can run, em is preferred (exact E-step, maximum-likelihood globals), then vmp (exact or
/// deterministic variational updates), then svi. Each backend not chosen gets a verdict naming the
/// statement that rules it out. A requested backend (<c>--method</c>) that cannot run is a diagnostic.
/// </summary>
public static class Planner
{
    private static readonly Backend[] s_preference = [Backend.Em, Backend.Vmp, Backend.Svi];

    /// <summary>Analyses <paramref name="model"/> and plans it.</summary>
    /// <param name="model">The model IR.</param>
    /// <param name="requested">The backend asked for, or null to choose automatically.</param>
    /// <param name="source">The model's source text, to quote statements in reasons (null: quote the IR).</param>
    /// <returns>The plan.</returns>
    public static Plan Plan(ModelIr model, Backend? requested = null, string? source = null) =>
        Plan(ModelAnalyzer.Analyze(model), requested, source);

    /// <summary>Plans an analysed model.</summary>
    /// <param name="analysis">The analyses.</param>
    /// <param name="requested">The backend asked for, or null to choose automatically.</param>
    /// <param name="source">The model's source text, or null.</param>
    /// <returns>The plan.</returns>
    public static Plan Plan(ModelAnalysis analysis, Backend? requested = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var quote = new StatementQuote(source);
        var checks = new Dictionary<Backend, BackendVerdict>
        {
            [Backend.Em] = Em(analysis, quote),
            [Backend.Vmp] = Vmp(analysis, quote),
            [Backend.Svi] = Svi(analysis, quote),
        };
        Backend? chosen = requested is { } r
            ? checks[r].CanRun ? r : null
            : s_preference.Cast<Backend?>().FirstOrDefault(b => checks[b!.Value].CanRun);

        var verdicts = s_preference.Select(b => checks[b] switch
        {
            { CanRun: true } v when chosen is { } c && c != b => v with { Reason = NotChosen(b, c, requested is not null) },
            { CanRun: true } v when chosen is null => v with { Reason = "could run it: " + v.Reason },
            var v => v,
        }).ToImmutableArray();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var where = analysis.Model.Nodes.FirstOrDefault()?.Span ?? Language.SourceSpan.WholeFile(analysis.Model.Source);
        if (requested is { } asked && chosen is null)
        {
            var verdict = checks[asked];
            diagnostics = [Diagnostic.Error(PlanningDiagnostics.MethodCannotRun,
                $"--method {asked.Name()} cannot run this model: {verdict.Reason}",
                verdict.Statement?.Span ?? where,
                SuggestOther(checks))];
        }
        else if (chosen is null)
        {
            diagnostics = [Diagnostic.Error(PlanningDiagnostics.NoBackend,
                "no inference backend can run this model: " + string.Join("; ", verdicts.Select(v => $"{v.Backend.Name()}: {v.Reason}")),
                verdicts.Select(v => v.Statement).FirstOrDefault(s => s is not null)?.Span ?? where)];
        }

        return new Plan(analysis, chosen, requested, verdicts, diagnostics);
    }

    private static string? SuggestOther(Dictionary<Backend, BackendVerdict> checks) =>
        s_preference.Where(b => checks[b].CanRun).Select(b => $"--method {b.Name()} can run it (or leave --method out)").FirstOrDefault();

    private static string NotChosen(Backend backend, Backend chosen, bool requested) => requested
        ? $"could run it, but --method {chosen.Name()} was asked for"
        : (backend, chosen) switch
        {
            (Backend.Vmp, Backend.Em) => "could run it, but every global is a param and the local latents have exact posteriors, so em is exact and cheaper",
            (Backend.Svi, Backend.Em) => "could run it, but em's E-step is exact where svi would only approximate it",
            (Backend.Svi, Backend.Vmp) => "could run it, but the model is conjugate: vmp is exact (or deterministic) where svi would sample gradients",
            _ => $"could run it, but {chosen.Name()} is preferred",
        };

    /// <summary>em: no nets, no priors on globals, every local latent exact (mixture index or linear-Gaussian).</summary>
    private static BackendVerdict Em(ModelAnalysis analysis, StatementQuote quote)
    {
        if (analysis.Nets.FirstOrDefault() is { } net)
        {
            return Reject(Backend.Em, net, quote, "neural networks have no exact E-step or closed-form M-step; em handles mixtures and linear-Gaussian latents");
        }

        if (analysis.Unknowns.FirstOrDefault(l => l.Scope == LatentScope.Global) is { } global)
        {
            return Reject(Backend.Em, global.Node, quote, "puts a prior on a global; EM estimates globals as params", " ");
        }

        var locals = analysis.Unknowns.Where(l => l.Scope == LatentScope.Local).ToList();
        if (locals.Count == 0)
        {
            return new(Backend.Em, false, "the model has no local latent variables for an E-step; a model of params only is fitted by svi");
        }

        var mixtures = analysis.Mixtures.Select(m => m.Indicator).ToHashSet();
        var linear = analysis.LinearGaussians.Select(m => m.Latent).ToHashSet();
        foreach (var local in locals)
        {
            var exact = local.Domain == LatentDomain.Discrete
                ? mixtures.Contains(local.Name) && local.IsConjugate && local.Family is "Categorical" or "Bernoulli"
                : linear.Contains(local.Name);
            if (!exact)
            {
                var why = local.Domain == LatentDomain.Discrete
                    ? $"discrete local latent {local.Name} must be a Categorical or Bernoulli used only as an index (the mixture pattern)"
                    : $"local latent {local.Name} has no exact posterior: it is neither a discrete index nor linear-Gaussian (Normal prior with fixed parameters, entering Gaussian means affinely)";
                return Reject(Backend.Em, local.Node, quote, why);
            }
        }

        var patterns = locals.Select(l => mixtures.Contains(l.Name)
            ? $"{l.Name} is a mixture indicator (indexes {string.Join(", ", analysis.Mixtures.First(m => m.Indicator == l.Name).Components)})"
            : $"{l.Name} is linear-Gaussian");
        return new(Backend.Em, true,
            $"{string.Join("; ", patterns)}: exact E-step; every global is a param (M-step: maximum likelihood)");
    }

    /// <summary>vmp: no nets, every latent conjugate-exponential with every factor that reads it.</summary>
    private static BackendVerdict Vmp(ModelAnalysis analysis, StatementQuote quote)
    {
        if (analysis.Nets.FirstOrDefault() is { } net)
        {
            return Reject(Backend.Vmp, net, quote, "neural networks are not conjugate");
        }

        foreach (var latent in analysis.Unknowns)
        {
            if (latent.PriorProblem is { } prior)
            {
                return Reject(Backend.Vmp, latent.Node, quote, prior);
            }

            if (latent.Links.FirstOrDefault(l => !l.IsConjugate) is { } link)
            {
                return Reject(Backend.Vmp, link.Factor, quote, link.Problem!);
            }
        }

        var pairs = analysis.Unknowns
            .Select(l => l.Links.IsEmpty ? null : $"{l.Name}: {string.Join(", ", l.Links.Select(k => k.Relation).Distinct())}")
            .Where(p => p is not null);
        var text = string.Join("; ", pairs);
        return new(Backend.Vmp, true, text.Length == 0
            ? "no latent is informed by data; every factor is conjugate"
            : $"every latent is conjugate-exponential with its factors ({text})");
    }

    /// <summary>
    /// svi: every latent reparameterisable, covered by the user's guide, or a Bernoulli/Categorical
    /// latent, whose automatic guide is trained by the score-function estimator (Ranganath et al. 2014).
    /// </summary>
    private static BackendVerdict Svi(ModelAnalysis analysis, StatementQuote quote)
    {
        var guided = analysis.Model.Guide?.Nodes.OfType<RandomNode>().Select(r => r.Name).ToHashSet() ?? [];
        var scored = new List<string>();
        foreach (var latent in analysis.Unknowns)
        {
            if (guided.Contains(latent.Name))
            {
                continue;
            }

            if (latent.Domain == LatentDomain.Discrete)
            {
                if (latent.Family is "Bernoulli" or "Categorical")
                {
                    scored.Add(latent.Name);
                    continue;
                }

                return Reject(Backend.Svi, latent.Node, quote,
                    $"discrete latent {latent.Name} has a {latent.Family} prior; the score-function estimator covers only Bernoulli and Categorical latents; marginalise it (em or vmp) or give it a guide");
            }

            if (!latent.IsReparameterisable)
            {
                return Reject(Backend.Svi, latent.Node, quote,
                    $"{latent.Family} latent {latent.Name} is a covariance matrix, which the automatic guide does not cover; give it a guide");
            }
        }

        var continuous = analysis.Model.Guide is null
            ? "every latent is continuous and reparameterisable (automatic mean-field guide)"
            : "every latent is reparameterisable or covered by the guide";
        var estimator = $"score-function estimator for the discrete latents {string.Join(", ", scored)}";
        return new(Backend.Svi, true, scored.Count == 0
            ? continuous
            : scored.Count == analysis.Unknowns.Count()
                ? estimator + " (automatic categorical guide)"
                : estimator + "; "
                  + (analysis.Model.Guide is null
                      ? "every other latent is continuous and reparameterisable (automatic mean-field guide)"
                      : "every other latent is reparameterisable or covered by the guide"));
    }

    /// <summary>A rejection: the quoted statement, then why it breaks the backend's rules.</summary>
    private static BackendVerdict Reject(Backend backend, IrNode statement, StatementQuote quote, string why, string connector = ": ") =>
        new(backend, false, quote.Of(statement) + connector + why, statement);
}
