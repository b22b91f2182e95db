using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Fluent;

/// <summary>A network applied to an input: <c>decoder(z[n])</c>. Returned by <see cref="ModelBuilder.Net"/>.</summary>
/// <param name="input">The input vector.</param>
/// <returns>The output expression.</returns>
public delegate PplExpr PplNet(PplExpr input);

/// <summary>
/// An MLP declaration: <c>mlp(A -> H -> B, act: relu, dropout: 0.1, prior: Normal(0, 1))</c>.
/// <c>Mlp.Of([Z, 400, 784], act: NetActivation.Relu)</c>.
/// </summary>
public sealed class Mlp
{
    private Mlp(string text) => Text = text;

    /// <summary>The declaration's right-hand side in the language's syntax.</summary>
    public string Text { get; }

    /// <summary>An MLP with the given layer widths, input first.</summary>
    /// <param name="layers">Widths from input to output (at least two).</param>
    /// <param name="act">Hidden activation, or null for the language's default (relu), which is then not written.</param>
    /// <param name="dropout">Dropout probability after each hidden layer, or null.</param>
    /// <param name="prior">A prior on every weight (Bayes by Backprop), or null for learned weights.</param>
    /// <returns>The declaration.</returns>
    public static Mlp Of(PplExpr[] layers, NetActivation? act = null, PplExpr? dropout = null, PplDist? prior = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output width", nameof(layers));
        }

        var text = "mlp(" + string.Join(" -> ", layers.Select(l => l.Text));
        if (act is { } activation)
        {
            text += ", act: " + activation.ToString().ToLowerInvariant();
        }

        if (dropout is not null)
        {
            text += ", dropout: " + dropout.Text;
        }

        if (prior is not null)
        {
            text += ", prior: " + prior.Text;
        }

        return new Mlp(text + ")");
    }

    /// <summary>The declaration's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
