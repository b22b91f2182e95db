using Ppl.Language.Syntax;

namespace Ppl.Language.Tests;

/// <summary>Generic navigation finds every node, in source order.</summary>
public sealed class SyntaxTreeTests
{
    [Fact]
    public void Descendants_visit_every_name_reference_in_source_order()
    {
        var model = SyntaxParser.Parse(
            "data X: real[N, D]\nplate n in N batch B {\n  y[n] ~ Normal(X[n] @ w, sd: exp(s[0:K]))\n}\nnet f = mlp(D -> H, dropout: p, prior: Normal(m, 1))",
            "t.ppl").Model;
        var names = SyntaxTree.DescendantsAndSelf(model).OfType<NameRef>().Select(r => r.Name);
        Assert.Equal(["N", "D", "N", "B", "n", "X", "n", "w", "s", "K", "D", "H", "p", "m"], names);
        Assert.Equal(3, SyntaxTree.DescendantsAndSelf(model).OfType<CallExpr>().Count());
        Assert.Single(SyntaxTree.DescendantsAndSelf(model).OfType<SliceIndex>());
    }
}
