using Ppl.Compiler.Fluent;
using Ppl.Compiler.Planning;

namespace Ppl.Compiler.Tests.Planning;

/// <summary>The planner's rules one at a time, and --method requests it cannot honour.</summary>
public sealed class PlannerTests
{
    private static PplModel Model(string text)
    {
        var model = PplModel.Parse(text, "m.ppl");
        Assert.False(model.HasErrors, model.RenderDiagnostics());
        return model;
    }

    [Fact]
    public void Asking_em_for_the_coin_is_a_diagnostic_naming_the_prior_on_the_global()
    {
        var plan = GoldenPlanTests.Compile("coin").Plan(Backend.Em);

        Assert.False(plan.Succeeded);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal(PlanningDiagnostics.MethodCannotRun, diagnostic.Code);
        Assert.Equal((3, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Equal(
            "--method em cannot run this model: 'theta ~ Beta(1, 1)' (coin.ppl:3:1) puts a prior on a global; EM estimates globals as params",
            diagnostic.Message);
        Assert.Equal("--method vmp can run it (or leave --method out)", diagnostic.Hint);
    }

    [Fact]
    public void Asking_svi_for_a_gmm_runs_the_score_function_estimator_on_the_discrete_latent()
    {
        var plan = GoldenPlanTests.Compile("gmm").Plan(Backend.Svi);

        Assert.Equal(Backend.Svi, plan.Chosen);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal("score-function estimator for the discrete latents z (automatic categorical guide)", plan.Verdict(Backend.Svi).Reason);
        Assert.Equal("could run it, but --method svi was asked for", plan.Verdict(Backend.Em).Reason);
    }

    [Fact]
    public void Left_to_itself_the_planner_keeps_a_mixture_with_em()
    {
        var plan = GoldenPlanTests.Compile("gmm").Plan();

        Assert.Equal(Backend.Em, plan.Chosen);
        Assert.True(plan.Verdict(Backend.Svi).CanRun);
    }

    [Fact]
    public void Discrete_latents_only_svi_can_run_are_named_in_its_reason()
    {
        // c is Bernoulli and s Categorical; the net (learned weights, not a latent) rules out em and vmp,
        // so svi is the automatic choice.
        var plan = Model("""
            data x: real[N, 1]
            data y: real[N]
            net f = mlp(1 -> 4 -> 1)
            plate n in N {
              c[n] ~ Bernoulli(0.5)
              s[n] ~ Categorical([0.2, 0.3, 0.5])
              y[n] ~ Normal(f(x[n])[0] + c[n] + s[n], 1)
            }
            """).Plan();

        Assert.Equal(Backend.Svi, plan.Chosen);
        Assert.Equal(
            "score-function estimator for the discrete latents c, s (automatic categorical guide)",
            plan.Verdict(Backend.Svi).Reason);
    }

    [Fact]
    public void Asking_svi_for_a_Poisson_latent_names_the_latent_and_its_family()
    {
        var plan = Model("""
            data y: real[N]
            plate n in N {
              k[n] ~ Poisson(3)
              y[n] ~ Normal(k[n], 1)
            }
            """).Plan(Backend.Svi);

        Assert.False(plan.Succeeded);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal(PlanningDiagnostics.MethodCannotRun, diagnostic.Code);
        Assert.Equal((3, 3), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Equal(
            "--method svi cannot run this model: 'k[n] ~ Poisson(3)' (m.ppl:3:3): discrete latent k has a Poisson prior; "
            + "the score-function estimator covers only Bernoulli and Categorical latents; marginalise it (em or vmp) or give it a guide",
            diagnostic.Message);
    }

    [Fact]
    public void A_backend_that_can_run_is_used_when_asked_for()
    {
        var plan = GoldenPlanTests.Compile("coin").Plan(Backend.Svi);

        Assert.Equal(Backend.Svi, plan.Chosen);
        Assert.Empty(plan.Diagnostics);
        Assert.Equal("could run it, but --method svi was asked for", plan.Verdict(Backend.Vmp).Reason);
    }

    [Fact]
    public void A_Gamma_used_as_a_standard_deviation_is_not_conjugate()
    {
        var plan = Model("""
            data x: real[N]
            mu ~ Normal(0, 10)
            s ~ Gamma(1, 1)
            plate n in N { x[n] ~ Normal(mu, s) }
            """).Plan();

        Assert.Equal(Backend.Svi, plan.Chosen);
        var vmp = plan.Verdict(Backend.Vmp);
        Assert.False(vmp.CanRun);
        Assert.Equal("'x[n] ~ Normal(mu, s)' (m.ppl:4:16): a Gamma latent as Normal's sd is not a conjugate pair", vmp.Reason);
    }

    [Fact]
    public void A_Gamma_precision_inside_a_nonlinear_function_is_not_conjugate()
    {
        var plan = Model("""
            data x: real[N]
            tau ~ Gamma(1, 1)
            plate n in N { x[n] ~ Normal(0, precision: exp(tau)) }
            """).Plan();

        Assert.Contains("tau enters Normal's precision through a nonlinear function (exp(tau))", plan.Verdict(Backend.Vmp).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scaled_Gamma_precision_is_still_conjugate()
    {
        var plan = Model("""
            data x: real[N]
            tau ~ Gamma(1, 1)
            plate n in N { x[n] ~ Normal(0, precision: 2 * tau) }
            """).Plan();

        Assert.Equal(Backend.Vmp, plan.Chosen);
    }

    [Fact]
    public void A_local_latent_without_an_exact_posterior_rules_out_em()
    {
        var plan = Model("""
            data x: real[N]
            param s: pos
            plate n in N {
              z[n] ~ Normal(0, 1)
              x[n] ~ Normal(exp(z[n]), s)
            }
            """).Plan();

        var em = plan.Verdict(Backend.Em);
        Assert.False(em.CanRun);
        Assert.StartsWith("'z[n] ~ Normal(0, 1)' (m.ppl:4:3): local latent z has no exact posterior", em.Reason, StringComparison.Ordinal);
        Assert.Equal(Backend.Svi, plan.Chosen);
    }

    [Fact]
    public void A_model_no_backend_can_run_is_one_diagnostic_with_every_reason()
    {
        var plan = Model("""
            data x: real[N, 1]
            data y: real[N]
            net f = mlp(1 -> 8 -> 1)
            plate n in N {
              k[n] ~ Poisson(3)
              y[n] ~ Normal(f(x[n])[0] + k[n], 1)
            }
            """).Plan();

        Assert.False(plan.Succeeded);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal(PlanningDiagnostics.NoBackend, diagnostic.Code);
        Assert.Contains("em: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("vmp: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("svi: 'k[n] ~ Poisson(3)' (m.ppl:5:3): discrete latent k has a Poisson prior", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backend_names_parse_both_ways()
    {
        foreach (var backend in Enum.GetValues<Backend>())
        {
            Assert.Equal(backend, BackendNames.Parse(backend.Name()));
        }

        Assert.Equal(Backend.Vmp, BackendNames.Parse("VMP"));
        Assert.Null(BackendNames.Parse("mcmc"));
    }

    [Fact]
    public void When_the_requested_backend_cannot_run_the_others_say_they_could()
    {
        var text = PlanPrinter.Decision(GoldenPlanTests.Compile("coin").Plan(Backend.Em));

        Assert.Equal(
            "backend: none — --method em cannot run this model\n"
            + "rejected: em — 'theta ~ Beta(1, 1)' (coin.ppl:3:1) puts a prior on a global; EM estimates globals as params\n"
            + "not chosen: vmp — could run it: every latent is conjugate-exponential with its factors (theta: Beta–Bernoulli)\n"
            + "not chosen: svi — could run it: every latent is continuous and reparameterisable (automatic mean-field guide)\n",
            text);
    }

    [Fact]
    public void A_model_built_in_csharp_is_quoted_from_its_generated_text()
    {
        var plan = FluentModelsPlan();
        Assert.Equal("'theta ~ Beta(1, 1)' (coin.ppl:2:1) puts a prior on a global; EM estimates globals as params", plan.Verdict(Backend.Em).Reason);
    }

    private static Plan FluentModelsPlan() => Fluent.FluentModels.Coin().Compile().Plan();
}
