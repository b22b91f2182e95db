using System.Globalization;

namespace Ppl.Compiler.Fluent;

/// <summary>
/// An expression of the model language built in C#: a name, a number, or an operation on other
/// expressions. C# operators build the language's (<c>+ - * /</c>, unary <c>-</c>); <see cref="MatMul"/>
/// (or <c>%</c>) is <c>@</c>; <see cref="Pow"/> is <c>^</c>; the indexer is <c>x[n]</c>. An expression
/// renders to the language's text with the parentheses its tree needs, so C# precedence decides the tree.
/// </summary>
public sealed class PplExpr
{
    internal PplExpr(string text, Precedence level)
    {
        Text = text;
        Level = level;
    }

    /// <summary>How tightly an expression binds, from the language's grammar: <c>^</c>, unary minus, <c>@</c>, <c>* /</c>, <c>+ -</c>.</summary>
    internal enum Precedence
    {
        /// <summary><c>a + b</c>, <c>a - b</c>.</summary>
        Sum = 1,

        /// <summary><c>a * b</c>, <c>a / b</c>.</summary>
        Product = 2,

        /// <summary><c>a @ b</c>.</summary>
        MatMul = 3,

        /// <summary><c>-a</c>.</summary>
        Unary = 4,

        /// <summary><c>a ^ b</c> (right-associative).</summary>
        Power = 5,

        /// <summary>Names, numbers, calls, indexing, array literals.</summary>
        Atom = 6,
    }

    /// <summary>The expression in the language's syntax.</summary>
    public string Text { get; }

    internal Precedence Level { get; }

    /// <summary><c>x[i, j]</c>: indexing by plate indices, positions or discrete latents.</summary>
    /// <param name="indices">One index per axis, outermost first.</param>
    public PplExpr this[params PplExpr[] indices]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(indices);
            return Atom($"{Operand(this, Precedence.Atom)}[{string.Join(", ", indices.Select(i => i.Text))}]");
        }
    }

    /// <summary>A name (a size, or any declared variable), e.g. <c>Name("N")</c>.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The expression.</returns>
    public static PplExpr Name(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Atom(name);
    }

    /// <summary>An integer literal, as sizes and counts are written: <c>3</c>.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator PplExpr(int value) =>
        value < 0 ? -Atom((-(long)value).ToString(CultureInfo.InvariantCulture)) : Atom(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A real literal, written in its shortest round-trip form with a point or exponent (<c>0.01</c>, <c>1.0</c>).</summary>
    /// <param name="value">The value; must be finite.</param>
    public static implicit operator PplExpr(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a model's numbers must be finite");
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".eE") < 0)
        {
            text += ".0";
        }

        return value < 0 || double.IsNegative(value) ? -Atom(text) : Atom(text);
    }

    /// <summary>An integer literal (the named form of the implicit conversion).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    public static PplExpr FromInt32(int value) => value;

    /// <summary>A real literal (the named form of the implicit conversion).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    public static PplExpr FromDouble(double value) => value;

    /// <summary><c>a + b</c>.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    public static PplExpr operator +(PplExpr left, PplExpr right) => Binary(left, "+", right, Precedence.Sum);

    /// <summary><c>a - b</c>.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    public static PplExpr operator -(PplExpr left, PplExpr right) => Binary(left, "-", right, Precedence.Sum);

    /// <summary><c>a * b</c>, elementwise.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    public static PplExpr operator *(PplExpr left, PplExpr right) => Binary(left, "*", right, Precedence.Product);

    /// <summary><c>a / b</c>, elementwise.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    public static PplExpr operator /(PplExpr left, PplExpr right) => Binary(left, "/", right, Precedence.Product);

    /// <summary><c>a @ b</c>, the matrix product (C#'s <c>%</c> has the precedence of <c>*</c>; the tree follows C#).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    public static PplExpr operator %(PplExpr left, PplExpr right) => Binary(left, "@", right, Precedence.MatMul);

    /// <summary><c>-a</c>.</summary>
    /// <param name="operand">The operand.</param>
    public static PplExpr operator -(PplExpr operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return new("-" + Operand(operand, Precedence.Unary), Precedence.Unary);
    }

    /// <summary><c>+a</c> is <c>a</c>.</summary>
    /// <param name="operand">The operand.</param>
    public static PplExpr operator +(PplExpr operand) => operand;

    /// <summary><c>a + b</c> (named form).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>The sum.</returns>
    public static PplExpr Add(PplExpr left, PplExpr right) => left + right;

    /// <summary><c>a - b</c> (named form).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>The difference.</returns>
    public static PplExpr Subtract(PplExpr left, PplExpr right) => left - right;

    /// <summary><c>a * b</c> (named form).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>The product.</returns>
    public static PplExpr Multiply(PplExpr left, PplExpr right) => left * right;

    /// <summary><c>a / b</c> (named form).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>The quotient.</returns>
    public static PplExpr Divide(PplExpr left, PplExpr right) => left / right;

    /// <summary><c>a % b</c> is the matrix product (named form).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>The product.</returns>
    public static PplExpr Mod(PplExpr left, PplExpr right) => left % right;

    /// <summary><c>-a</c> (named form).</summary>
    /// <param name="operand">The operand.</param>
    /// <returns>The negation.</returns>
    public static PplExpr Negate(PplExpr operand) => -operand;

    /// <summary><c>+a</c> (named form).</summary>
    /// <param name="operand">The operand.</param>
    /// <returns>The operand.</returns>
    public static PplExpr Plus(PplExpr operand) => operand;

    /// <summary><c>this @ other</c>, the matrix product.</summary>
    /// <param name="other">Right operand.</param>
    /// <returns>The product.</returns>
    public PplExpr MatMul(PplExpr other) => this % other;

    /// <summary><c>this ^ exponent</c>.</summary>
    /// <param name="exponent">The exponent.</param>
    /// <returns>The power.</returns>
    public PplExpr Pow(PplExpr exponent)
    {
        ArgumentNullException.ThrowIfNull(exponent);
        return new($"{Operand(this, Precedence.Atom)} ^ {Operand(exponent, Precedence.Power)}", Precedence.Power);
    }

    /// <summary><c>this[lower:upper]</c>, a half-open slice of the last axis written.</summary>
    /// <param name="lower">First position taken.</param>
    /// <param name="upper">First position not taken.</param>
    /// <returns>The slice.</returns>
    public PplExpr Slice(PplExpr lower, PplExpr upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        return Atom($"{Operand(this, Precedence.Atom)}[{lower.Text}:{upper.Text}]");
    }

    /// <summary>The expression's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;

    internal static PplExpr Atom(string text) => new(text, Precedence.Atom);

    private static PplExpr Binary(PplExpr left, string symbol, PplExpr right, Precedence level)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // Left-associative: the left operand may bind as loosely as the operator, the right one must bind tighter.
        var rightLevel = (Precedence)((int)level + 1);
        return new($"{Operand(left, level)} {symbol} {Operand(right, rightLevel)}", level);
    }

    /// <summary>The operand's text, parenthesised when it binds more loosely than <paramref name="needed"/>.</summary>
    private static string Operand(PplExpr operand, Precedence needed) =>
        operand.Level < needed ? "(" + operand.Text + ")" : operand.Text;
}
