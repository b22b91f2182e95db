using Ppl.Compiler.Fluent;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Tests.Fluent;

/// <summary>Every DESIGN.md model (the examples/ folder) written with the fluent API.</summary>
internal static class FluentModels
{
    public static IReadOnlyDictionary<string, Func<ModelBuilder>> All { get; } = new Dictionary<string, Func<ModelBuilder>>
    {
        ["coin"] = Coin,
        ["poisson-gamma"] = PoissonGamma,
        ["learning-a-gaussian"] = LearningAGaussian,
        ["blr"] = () => Blr("blr", evidence: false),
        ["blr-evidence"] = () => Blr("blr-evidence", evidence: true),
        ["rats"] = Rats,
        ["vb-gmm"] = VbGmm,
        ["gmm"] = Gmm,
        ["ppca"] = Ppca,
        ["vae"] = Vae,
        ["bbb"] = Bbb,
        ["bbb-mixture"] = BbbMixture,
        ["bernoulli-mixture"] = BernoulliMixture,
        ["poisson-mixture"] = PoissonMixture,
        ["mc-dropout"] = McDropout,
        ["heteroscedastic"] = Heteroscedastic,
        ["logistic-regression"] = LogisticRegression,
        ["eight-schools"] = EightSchools,
    };

    public static ModelBuilder Coin()
    {
        var m = new ModelBuilder("coin");
        var N = m.Size("N");
        var flips = m.Data("flips", Types.Bool(N));
        var theta = m.Latent("theta", Dist.Beta(1, 1));
        m.Plate("n", N, n => m.Observe(flips[n], Dist.Bernoulli(theta)));
        return m;
    }

    public static ModelBuilder PoissonGamma()
    {
        var m = new ModelBuilder("poisson-gamma");
        var N = m.Size("N");
        var counts = m.Data("counts", Types.Int(N));
        var rate = m.Latent("rate", Dist.Gamma(2, 0.5));
        m.Plate("n", N, n => m.Observe(counts[n], Dist.Poisson(rate)));
        return m;
    }

    public static ModelBuilder LearningAGaussian()
    {
        var m = new ModelBuilder("learning-a-gaussian");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N));
        var mu = m.Latent("mu", Dist.Normal(0, precision: 1e-2));
        var tau = m.Latent("tau", Dist.Gamma(1e-2, 1e-2));
        m.Plate("n", N, n => m.Observe(x[n], Dist.Normal(mu, precision: tau)));
        m.Latent("x_new", Dist.Normal(mu, precision: tau));
        return m;
    }

    public static ModelBuilder Blr(string name, bool evidence)
    {
        var m = new ModelBuilder(name);
        var (N, D, M) = (m.Size("N"), m.Size("D"), m.Size("M"));
        var X = m.Data("X", Types.Real(N, D));
        var y = m.Data("y", Types.Real(N));
        var xNew = m.Data("X_new", Types.Real(M, D));
        var alpha = evidence ? m.Param("alpha", Types.Pos()) : m.Latent("alpha", Dist.Gamma(1e-2, 1e-2));
        var beta = evidence ? m.Param("beta", Types.Pos()) : m.Latent("beta", Dist.Gamma(1e-2, 1e-2));
        var w = m.Latent("w", Dist.Normal(0, precision: alpha), Types.Real(D));
        m.Observe(y, Dist.Normal(X.MatMul(w), precision: beta));
        m.Latent("y_new", Dist.Normal(xNew.MatMul(w), precision: beta));
        return m;
    }

    public static ModelBuilder Rats()
    {
        var m = new ModelBuilder("rats");
        var (T, R) = (m.Size("T"), m.Size("R"));
        var x = m.Data("x", Types.Real(T));
        var y = m.Data("y", Types.Real(R, T));
        var xBar = m.Const("x_bar", Fn.Mean(x));
        var muAlpha = m.Latent("mu_alpha", Dist.Normal(0, precision: 1e-4));
        var muBeta = m.Latent("mu_beta", Dist.Normal(0, precision: 1e-4));
        var tauAlpha = m.Latent("tau_alpha", Dist.Gamma(1e-3, 1e-3));
        var tauBeta = m.Latent("tau_beta", Dist.Gamma(1e-3, 1e-3));
        var tauY = m.Latent("tau_y", Dist.Gamma(1e-3, 1e-3));
        m.Plate("r", R, r =>
        {
            var alpha = m.Latent("alpha", [r], Dist.Normal(muAlpha, precision: tauAlpha));
            var beta = m.Latent("beta", [r], Dist.Normal(muBeta, precision: tauBeta));
            m.Plate("t", T, t =>
                m.Observe(y[r, t], Dist.Normal(alpha[r] + beta[r] * (x[t] - xBar), precision: tauY)));
        });
        return m;
    }

    public static ModelBuilder VbGmm()
    {
        var m = new ModelBuilder("vb-gmm");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var x = m.Data("x", Types.Real(N, D));
        var K = m.Const("K", 6);
        var weights = m.Latent("weights", Dist.Dirichlet(Fn.Ones(K) * 1e-3));
        PplExpr lambda = null!, mu = null!;
        m.Plate("k", K, k =>
        {
            lambda = m.Latent("Lambda", [k], Dist.Wishart(D + 1, Fn.I(D)), Types.Cov(D));
            mu = m.Latent("mu", [k], Dist.MvNormal(Fn.Zeros(D), precision: Fn.I(D) * 1e-2), Types.Real(D));
        });
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Categorical(weights));
            m.Observe(x[n], Dist.MvNormal(mu[z[n]], precision: lambda[z[n]]));
        });
        return m;
    }

    public static ModelBuilder Gmm()
    {
        var m = new ModelBuilder("gmm");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var x = m.Data("x", Types.Real(N, D));
        var K = m.Const("K", 3);
        var weights = m.Param("weights", Types.Simplex(K));
        var mu = m.Param("mu", Types.Real(K, D));
        var sigma = m.Param("Sigma", Types.Cov(K, D));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Categorical(weights));
            m.Observe(x[n], Dist.MvNormal(mu[z[n]], sigma[z[n]]));
        });
        return m;
    }

    public static ModelBuilder Ppca()
    {
        var m = new ModelBuilder("ppca");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var x = m.Data("x", Types.Real(N, D));
        var M = m.Const("M", 2);
        var W = m.Param("W", Types.Real(D, M));
        var mu = m.Param("mu", Types.Real(D));
        var sigma2 = m.Param("sigma2", Types.Pos());
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Normal(0, 1), Types.Real(M));
            m.Observe(x[n], Dist.Normal(W.MatMul(z[n]) + mu, var: sigma2));
        });
        return m;
    }

    public static ModelBuilder Vae()
    {
        var m = new ModelBuilder("vae");
        var N = m.Size("N");
        var x = m.Data("x", Types.Prob(N, 784));
        var Z = m.Const("Z", 20);
        var decoder = m.Net("decoder", Mlp.Of([Z, 400, 784], act: NetActivation.Relu));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Normal(0, 1), Types.Real(Z));
            m.Observe(x[n], Dist.Bernoulli(logits: decoder(z[n])));
        }, batch: 128);
        m.Guide(() =>
        {
            var encoder = m.Net("encoder", Mlp.Of([784, 400, 2 * Z], act: NetActivation.Relu));
            m.Plate("n", N, n =>
            {
                var h = m.Let("h", encoder(x[n]));
                m.Latent("z", [n], Dist.Normal(h.Slice(0, Z), sd: Fn.Exp(0.5 * h.Slice(Z, 2 * Z))));
            }, batch: 128);
        });
        return m;
    }

    public static ModelBuilder Bbb()
    {
        var m = new ModelBuilder("bbb");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N, 1));
        var y = m.Data("y", Types.Real(N));
        var f = m.Net("f", Mlp.Of([1, 100, 100, 1], act: NetActivation.Relu, prior: Dist.Normal(0, 1)));
        m.Plate("n", N, n => m.Observe(y[n], Dist.Normal(f(x[n])[0], 0.1)), batch: 100);
        return m;
    }

    public static ModelBuilder BbbMixture()
    {
        var m = new ModelBuilder("bbb-mixture");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N, 1));
        var y = m.Data("y", Types.Real(N));
        var prior = Dist.Mixture(Fn.Array(0.5, 0.5), Dist.Normal(0, 1), Dist.Normal(0, 0.0025));
        var f = m.Net("f", Mlp.Of([1, 100, 100, 1], act: NetActivation.Relu, prior: prior));
        var sigma = m.Param("sigma", Types.Pos(), init: 0.1);
        m.Plate("n", N, n => m.Observe(y[n], Dist.Normal(f(x[n])[0], sigma)), batch: 100);
        return m;
    }

    public static ModelBuilder BernoulliMixture()
    {
        var m = new ModelBuilder("bernoulli-mixture");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var x = m.Data("x", Types.Bool(N, D));
        var K = m.Const("K", 10);
        var weights = m.Param("weights", Types.Simplex(K));
        var p = m.Param("p", Types.Prob(K, D));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Categorical(weights));
            m.Observe(x[n], Dist.Bernoulli(p[z[n]]));
        });
        return m;
    }

    public static ModelBuilder PoissonMixture()
    {
        var m = new ModelBuilder("poisson-mixture");
        var N = m.Size("N");
        var counts = m.Data("counts", Types.Int(N));
        var K = m.Const("K", 2);
        var weights = m.Param("weights", Types.Simplex(K));
        var rate = m.Param("rate", Types.Pos(K));
        m.Plate("n", N, n =>
        {
            var z = m.Latent("z", [n], Dist.Categorical(weights));
            m.Observe(counts[n], Dist.Poisson(rate[z[n]]));
        });
        return m;
    }

    public static ModelBuilder McDropout()
    {
        var m = new ModelBuilder("mc-dropout");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N, 1));
        var y = m.Data("y", Types.Real(N));
        var f = m.Net("f", Mlp.Of([1, 50, 50, 1], act: NetActivation.Relu, dropout: 0.1));
        var sigma = m.Param("sigma", Types.Pos(), init: 0.1);
        m.Plate("n", N, n => m.Observe(y[n], Dist.Normal(f(x[n])[0], sigma)), batch: 64);
        return m;
    }

    public static ModelBuilder Heteroscedastic()
    {
        var m = new ModelBuilder("heteroscedastic");
        var N = m.Size("N");
        var x = m.Data("x", Types.Real(N, 1));
        var y = m.Data("y", Types.Real(N));
        var f = m.Net("f", Mlp.Of([1, 64, 64, 2], act: NetActivation.Tanh));
        m.Plate("n", N, n =>
        {
            var output = m.Let("out", f(x[n]));
            m.Observe(y[n], Dist.Normal(output[0], Fn.Softplus(output[1]) + 1e-3));
        }, batch: 128);
        return m;
    }

    public static ModelBuilder LogisticRegression()
    {
        var m = new ModelBuilder("logistic-regression");
        var (N, D) = (m.Size("N"), m.Size("D"));
        var X = m.Data("X", Types.Real(N, D));
        var y = m.Data("y", Types.Bool(N));
        var w = m.Latent("w", Dist.Normal(0, 1), Types.Real(D));
        var b = m.Latent("b", Dist.Normal(0, 10));
        m.Plate("n", N, n => m.Observe(y[n], Dist.Bernoulli(logits: X[n].MatMul(w) + b)));
        return m;
    }

    public static ModelBuilder EightSchools()
    {
        var m = new ModelBuilder("eight-schools");
        var J = m.Size("J");
        var y = m.Data("y", Types.Real(J));
        var sigma = m.Data("sigma", Types.Pos(J));
        var mu = m.Latent("mu", Dist.Normal(0, 5));
        var tau = m.Latent("tau", Dist.HalfCauchy(5));
        m.Plate("j", J, j =>
        {
            var eta = m.Latent("eta", [j], Dist.Normal(0, 1));
            var theta = m.Let("theta", mu + tau * eta[j]);
            m.Observe(y[j], Dist.Normal(theta, sigma[j]));
        });
        return m;
    }
}
