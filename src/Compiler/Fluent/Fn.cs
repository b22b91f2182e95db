namespace Ppl.Compiler.Fluent;

/// <summary>The language's functions: <c>exp log sqrt sigmoid softplus relu tanh dot sum mean zeros ones I</c> and array literals.</summary>
public static class Fn
{
    /// <summary><c>exp(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Exp(PplExpr x) => Call("exp", x);

    /// <summary><c>log(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Log(PplExpr x) => Call("log", x);

    /// <summary><c>sqrt(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Sqrt(PplExpr x) => Call("sqrt", x);

    /// <summary><c>sigmoid(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Sigmoid(PplExpr x) => Call("sigmoid", x);

    /// <summary><c>softplus(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Softplus(PplExpr x) => Call("softplus", x);

    /// <summary><c>relu(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Relu(PplExpr x) => Call("relu", x);

    /// <summary><c>tanh(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Tanh(PplExpr x) => Call("tanh", x);

    /// <summary><c>dot(a, b)</c>.</summary>
    /// <param name="a">Left vector.</param>
    /// <param name="b">Right vector.</param>
    /// <returns>The call.</returns>
    public static PplExpr Dot(PplExpr a, PplExpr b) => Call("dot", a, b);

    /// <summary><c>sum(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Sum(PplExpr x) => Call("sum", x);

    /// <summary><c>mean(x)</c>.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The call.</returns>
    public static PplExpr Mean(PplExpr x) => Call("mean", x);

    /// <summary><c>zeros(n)</c>.</summary>
    /// <param name="n">Length.</param>
    /// <returns>The call.</returns>
    public static PplExpr Zeros(PplExpr n) => Call("zeros", n);

    /// <summary><c>ones(n)</c>.</summary>
    /// <param name="n">Length.</param>
    /// <returns>The call.</returns>
    public static PplExpr Ones(PplExpr n) => Call("ones", n);

    /// <summary><c>I(n)</c>, the n×n identity.</summary>
    /// <param name="n">Size.</param>
    /// <returns>The call.</returns>
    public static PplExpr I(PplExpr n) => Call("I", n);

    /// <summary>An array literal <c>[a, b, ...]</c>.</summary>
    /// <param name="elements">The elements.</param>
    /// <returns>The literal.</returns>
    public static PplExpr Array(params PplExpr[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return PplExpr.Atom("[" + string.Join(", ", elements.Select(e => e.Text)) + "]");
    }

    internal static PplExpr Call(string name, params PplExpr[] arguments) =>
        PplExpr.Atom(name + "(" + string.Join(", ", arguments.Select(a => a.Text)) + ")");
}
