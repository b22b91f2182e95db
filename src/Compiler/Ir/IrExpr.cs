using System.Collections.Immutable;
using Ppl.Language;

namespace Ppl.Compiler.Ir;

/// <summary>
/// A typed, vectorised expression. Its value is a tensor whose axes are the axes of
/// <see cref="Plates"/> (in the model's nesting order) followed by <see cref="Type"/>'s shape:
/// an expression inside <c>plate n in N</c> is evaluated for all n at once.
/// </summary>
/// <param name="Type">Element domain and shape, plate axes excluded.</param>
/// <param name="Plates">Index names of the plates whose axes the value carries, outermost first.</param>
/// <param name="Span">The source text it came from.</param>
public abstract record IrExpr(IrType Type, ImmutableArray<string> Plates, SourceSpan Span);

/// <summary>A constant tensor (literals, folded consts, <c>zeros</c>/<c>ones</c>/<c>I</c> with known sizes).</summary>
/// <param name="Values">Row-major values.</param>
/// <param name="Type">Type and shape.</param>
/// <param name="Span">Source.</param>
public sealed record IrConstant(ImmutableArray<double> Values, IrType Type, SourceSpan Span)
    : IrExpr(Type, [], Span);

/// <summary>The kinds of named value an expression can refer to.</summary>
public enum SymbolKind
{
    /// <summary>A <c>data</c> declaration.</summary>
    Data,

    /// <summary>A <c>const</c>.</summary>
    Const,

    /// <summary>A <c>param</c> (point estimate).</summary>
    Param,

    /// <summary>A random variable (latent or observed).</summary>
    Random,

    /// <summary>A <c>let</c>.</summary>
    Let,
}

/// <summary>
/// A reference to a node's value. <paramref name="Plates"/> are the node's plates that enclose the
/// use site; the node's other plates (a latent of <c>plate k</c> read outside it) become ordinary
/// leading axes of <paramref name="Type"/>, outermost first: <c>mu[k]: real[D]</c> read outside
/// <c>plate k in K</c> has type <c>real[K, D]</c> and no plates.
/// </summary>
/// <param name="Name">The node.</param>
/// <param name="Kind">What kind of node it is.</param>
/// <param name="Type">The node's type, with the axes of plates not enclosing the use site in front.</param>
/// <param name="Plates">The node's plates that enclose the use site.</param>
/// <param name="Span">Source.</param>
public sealed record IrRef(string Name, SymbolKind Kind, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>
/// <c>x[n]</c> for a plate index n: axis <paramref name="Axis"/> of the target becomes plate
/// <paramref name="Plate"/>'s axis. In the vectorised IR this is a relabelling, not a loop.
/// </summary>
/// <param name="Target">The indexed value.</param>
/// <param name="Axis">The target axis (of its type's shape) that the plate runs along.</param>
/// <param name="Plate">The plate's index name.</param>
/// <param name="Type">Result type (the axis removed).</param>
/// <param name="Plates">Result plates (the plate added).</param>
/// <param name="Span">Source.</param>
public sealed record IrPlateIndex(IrExpr Target, int Axis, string Plate, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>
/// <c>mu[z[n]]</c>: the leading axis of the target selected by an integer-valued expression — the
/// mixture pattern when the index is a discrete latent.
/// </summary>
/// <param name="Target">The indexed value (its plates must not include the index's).</param>
/// <param name="Index">Integer-valued index, with its own plates.</param>
/// <param name="Type">Result type (the leading axis removed).</param>
/// <param name="Plates">Result plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrGather(IrExpr Target, IrExpr Index, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>A constant position on one axis: <c>f(x[n])[0]</c>.</summary>
/// <param name="Target">The indexed value.</param>
/// <param name="Axis">The axis (of the type's shape).</param>
/// <param name="Position">0-based position.</param>
/// <param name="Type">Result type (the axis removed).</param>
/// <param name="Plates">Result plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrElement(IrExpr Target, int Axis, int Position, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>A half-open range on one axis: <c>h[0:Z]</c>.</summary>
/// <param name="Target">The sliced value.</param>
/// <param name="Axis">The axis (of the type's shape).</param>
/// <param name="Lower">First position taken.</param>
/// <param name="Upper">First position not taken.</param>
/// <param name="Type">Result type.</param>
/// <param name="Plates">Result plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrSlice(IrExpr Target, int Axis, Size Lower, Size Upper, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>Elementwise functions of one argument.</summary>
public enum UnaryFunction
{
    /// <summary>−x.</summary>
    Negate,

    /// <summary>e^x.</summary>
    Exp,

    /// <summary>log x.</summary>
    Log,

    /// <summary>√x.</summary>
    Sqrt,

    /// <summary>1 / (1 + e^−x).</summary>
    Sigmoid,

    /// <summary>log(1 + e^x).</summary>
    Softplus,

    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>tanh x.</summary>
    Tanh,
}

/// <summary>An elementwise function of one argument.</summary>
/// <param name="Function">The function.</param>
/// <param name="Operand">Its argument.</param>
/// <param name="Type">Result type.</param>
/// <param name="Plates">Result plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrUnary(UnaryFunction Function, IrExpr Operand, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>Elementwise binary operators (NumPy broadcasting over shapes; plates align by name).</summary>
public enum BinaryFunction
{
    /// <summary>a + b.</summary>
    Add,

    /// <summary>a − b.</summary>
    Subtract,

    /// <summary>a · b.</summary>
    Multiply,

    /// <summary>a / b.</summary>
    Divide,

    /// <summary>a ^ b.</summary>
    Power,
}

/// <summary>An elementwise binary operation.</summary>
/// <param name="Function">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Type">Result type.</param>
/// <param name="Plates">Union of the operands' plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrBinary(BinaryFunction Function, IrExpr Left, IrExpr Right, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>
/// Matrix product <c>a @ b</c> (and <c>dot(a, b)</c>, lowered to it): matrix·matrix, matrix·vector,
/// vector·vector. The linear-Gaussian and regression patterns are recognised on this node.
/// </summary>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Type">Result type.</param>
/// <param name="Plates">Result plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrMatMul(IrExpr Left, IrExpr Right, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>Reductions over a value's whole shape (not over plates).</summary>
public enum ReduceFunction
{
    /// <summary>Σ.</summary>
    Sum,

    /// <summary>Arithmetic mean.</summary>
    Mean,
}

/// <summary><c>sum(x)</c> or <c>mean(x)</c> over all of the operand's (non-plate) axes.</summary>
/// <param name="Function">The reduction.</param>
/// <param name="Operand">The reduced value.</param>
/// <param name="Type">Result type (scalar).</param>
/// <param name="Plates">The operand's plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrReduce(ReduceFunction Function, IrExpr Operand, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>Structured constant fills whose sizes may be symbolic.</summary>
public enum FillKind
{
    /// <summary><c>zeros(n)</c>.</summary>
    Zeros,

    /// <summary><c>ones(n)</c>.</summary>
    Ones,

    /// <summary><c>I(n)</c>, the identity matrix.</summary>
    Identity,
}

/// <summary><c>zeros(n)</c>, <c>ones(n)</c> or <c>I(n)</c>.</summary>
/// <param name="Kind">The fill.</param>
/// <param name="Type">Result type (its shape gives the sizes).</param>
/// <param name="Span">Source.</param>
public sealed record IrFill(FillKind Kind, IrType Type, SourceSpan Span) : IrExpr(Type, [], Span)
{
    /// <summary>The fill's values, row-major, once its sizes are resolved to <paramref name="shape"/>.</summary>
    /// <param name="shape">The resolved shape (square for <see cref="FillKind.Identity"/>).</param>
    public double[] Values(IReadOnlyList<int> shape)
    {
        var values = new double[shape.Aggregate(1, (a, b) => a * b)];
        switch (Kind)
        {
            case FillKind.Ones:
                Array.Fill(values, 1.0);
                break;
            case FillKind.Identity:
                for (var i = 0; i < shape[0]; i++)
                {
                    values[i * shape[0] + i] = 1;
                }
                break;
            case FillKind.Zeros:
            default:
                break;
        }
        return values;
    }
}

/// <summary>An array literal whose elements are expressions: <c>[a, b]</c>.</summary>
/// <param name="Elements">The elements, all of one type.</param>
/// <param name="Type">Result type (a new leading axis).</param>
/// <param name="Plates">Union of the elements' plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrArray(ImmutableArray<IrExpr> Elements, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);

/// <summary>
/// The value of a named size used as a number, e.g. the Wishart degrees of freedom <c>D + 1</c>:
/// an integer scalar bound when data is (or a const).
/// </summary>
/// <param name="Size">The size.</param>
/// <param name="Span">Source.</param>
public sealed record IrSize(Size Size, SourceSpan Span) : IrExpr(new IrType(ValueKind.Int, Shape.Scalar), [], Span);

/// <summary>A network applied to an input: <c>decoder(z[n])</c>, vectorised over the input's plates.</summary>
/// <param name="Net">The network's name (a <see cref="NetNode"/>).</param>
/// <param name="Input">The input vector (its last axis is the net's input width).</param>
/// <param name="Type">Result type (last axis the output width).</param>
/// <param name="Plates">The input's plates.</param>
/// <param name="Span">Source.</param>
public sealed record IrNetCall(string Net, IrExpr Input, IrType Type, ImmutableArray<string> Plates, SourceSpan Span)
    : IrExpr(Type, Plates, Span);
