using System.Globalization;
using System.Text;
using Ppl.Compiler.Analysis;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Planning;

/// <summary>
/// The text of <c>ppl explain</c>: the graph (plates with sizes, latents with their class and conjugacy,
/// observed nodes, params, nets), then the plan: the backend chosen and why, and each other backend
/// with the reason it was rejected or not chosen.
/// </summary>
public static class PlanPrinter
{
    /// <summary>The graph and the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="sizes">Sizes bound from data, to print plate sizes as numbers; null when no data is given.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Explain(Plan plan, SizeBindings? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var analysis = plan.Analysis;
        var model = analysis.Model;
        var text = new StringBuilder();
        text.Append("model ").Append(model.Source).Append('\n');

        Section(text, "plates", model.Plates.Select(p => Plate(p, sizes)));
        Section(text, "latents", analysis.Latents.Select(Latent));
        Section(text, "observed", analysis.Observed.Select(o => IrPrinter.Node(o)["observe ".Length..]));
        Section(text, "params", analysis.Params.Select(p => IrPrinter.Node(p)["param ".Length..]));
        Section(text, "nets", analysis.Nets.Select(n => IrPrinter.Node(n)["net ".Length..]));
        if (model.Guide is { } guide)
        {
            Section(text, "guide", guide.Nodes.Select(IrPrinter.Node));
        }

        return text.Append(Decision(plan)).ToString();
    }

    /// <summary>The plan alone (<c>ppl explain --dump plan</c>): the backend chosen, then one line per other backend.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Decision(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        if (plan.Chosen is { } chosen)
        {
            var how = plan.Requested is null ? "" : " (--method)";
            text.Append("backend: ").Append(chosen.Name()).Append(how).Append(" — because ")
                .Append(plan.Verdict(chosen).Reason).Append('\n');
        }
        else
        {
            text.Append(plan.Requested is { } asked ? $"backend: none — --method {asked.Name()} cannot run this model\n" : "backend: none\n");
        }

        foreach (var verdict in plan.Verdicts.Where(v => v.Backend != plan.Chosen))
        {
            text.Append(verdict.CanRun ? "not chosen: " : "rejected: ")
                .Append(verdict.Backend.Name()).Append(" — ").Append(verdict.Reason).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One latent: <c>theta: prob — global, continuous, Beta; conjugate: Beta–Bernoulli (flips)</c>.</summary>
    /// <param name="latent">The latent's class.</param>
    /// <returns>One line.</returns>
    public static string Latent(LatentInfo latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        var head = latent.Node switch
        {
            NetNode net => $"{net.Name} (weights of net {net.Name})",
            RandomNode r => $"{r.Name}{(r.Plates.IsDefaultOrEmpty ? "" : "[" + string.Join(", ", r.Plates) + "]")}: {IrPrinter.Type(r.Type)}",
            _ => latent.Name,
        };
        var scope = latent.Scope.ToString().ToLowerInvariant();
        var domain = latent.Domain.ToString().ToLowerInvariant();
        var role = latent.Role switch
        {
            LatentRole.Predicted => "predicted (its posterior is the posterior predictive)",
            _ => latent.IsConjugate
                ? "conjugate: " + (latent.Links.IsEmpty ? "no factor reads it" : string.Join(", ", latent.Links.Select(l => $"{l.Relation} ({l.Factor.Name})").Distinct()))
                : "not conjugate: " + latent.FirstProblem,
        };
        return $"{head} — {scope}, {domain}, {latent.Family}; {role}";
    }

    private static string Plate(Plate plate, SizeBindings? sizes)
    {
        var text = IrPrinter.Plate(plate)["plate ".Length..];
        return sizes?.Resolve(plate.Size) is int value && !plate.Size.IsKnown
            ? text.Replace(" in " + plate.Size, " in " + plate.Size + " = " + value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : text;
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var items = lines.ToList();
        text.Append(title).Append(items.Count == 0 ? ": none\n" : ":\n");
        foreach (var line in items)
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }
}
