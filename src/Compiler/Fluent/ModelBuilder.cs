using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ppl.Compiler.Ir;

namespace Ppl.Compiler.Fluent;

/// <summary>
/// Writes a model in C#, statement by statement, exactly as a <c>.ppl</c> file would:
/// <code>
/// var m = new ModelBuilder("coin");
/// var N = m.Size("N");
/// var flips = m.Data("flips", Types.Bool(N));
/// var theta = m.Latent("theta", Dist.Beta(1, 1));
/// m.Plate("n", N, n => m.Observe(flips[n], Dist.Bernoulli(theta)));
/// ModelIr ir = m.Build();
/// </code>
/// The builder is a second front end over the same compiler: it emits the language's text
/// (<see cref="ToPpl"/>), and <see cref="Compile"/> runs it through the one pipeline (parse, bind, type
/// and shape check, lower), so a model written in C# gets the same checks, the same diagnostics and the
/// same IR as the same model written as text.
/// </summary>
/// <param name="name">The model's name; <c>.ppl</c> is appended for its file name in messages.</param>
public sealed class ModelBuilder(string name)
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _inGuide;

    /// <summary>The model's file name as messages show it, e.g. <c>coin.ppl</c>.</summary>
    public string FileName { get; } = name.EndsWith(".ppl", StringComparison.Ordinal) ? name : name + ".ppl";

    /// <summary>A named size, bound from the shape of the first data that uses it (<c>N</c>).</summary>
    /// <param name="sizeName">The size's name.</param>
    /// <returns>The size as an expression.</returns>
    [SuppressMessage("Performance", "CA1822", Justification = "An instance member so a model reads as one builder's statements.")]
    public PplExpr Size(string sizeName) => PplExpr.Name(sizeName);

    /// <summary>A name already declared (or to be declared) in the model, as an expression.</summary>
    /// <param name="variable">The name.</param>
    /// <returns>The expression.</returns>
    [SuppressMessage("Performance", "CA1822", Justification = "An instance member so a model reads as one builder's statements.")]
    public PplExpr Name(string variable) => PplExpr.Name(variable);

    /// <summary><c>data NAME: TYPE</c>.</summary>
    /// <param name="dataName">The data's name.</param>
    /// <param name="type">Its type.</param>
    /// <returns>The data as an expression.</returns>
    public PplExpr Data(string dataName, PplType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Declare(dataName, $"data {dataName}: {type.Text}");
    }

    /// <summary><c>const NAME = VALUE</c>.</summary>
    /// <param name="constName">The constant's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The constant as an expression.</returns>
    public PplExpr Const(string constName, PplExpr value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Declare(constName, $"const {constName} = {value.Text}");
    }

    /// <summary><c>param NAME: TYPE [= INIT]</c>: an unknown with no prior, estimated as a point.</summary>
    /// <param name="paramName">The param's name.</param>
    /// <param name="type">Its type (the kind is its constraint).</param>
    /// <param name="init">Initial value, or null.</param>
    /// <returns>The param as an expression.</returns>
    public PplExpr Param(string paramName, PplType type, PplExpr? init = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Declare(paramName, $"param {paramName}: {type.Text}" + (init is null ? "" : " = " + init.Text));
    }

    /// <summary><c>NAME [: TYPE] ~ DIST</c>: a latent random variable (in a guide: its variational factor).</summary>
    /// <param name="latentName">The latent's name.</param>
    /// <param name="distribution">Its prior.</param>
    /// <param name="type">Its type, or null to take the distribution's.</param>
    /// <returns>The latent as an expression.</returns>
    public PplExpr Latent(string latentName, PplDist distribution, PplType? type = null) =>
        Latent(latentName, [], distribution, type);

    /// <summary><c>NAME[i, ...] [: TYPE] ~ DIST</c>: one element per plate index, inside plates.</summary>
    /// <param name="latentName">The latent's name.</param>
    /// <param name="indices">The enclosing plates' indices.</param>
    /// <param name="distribution">Its distribution.</param>
    /// <param name="type">The element type, or null.</param>
    /// <returns>The latent (the whole array) as an expression.</returns>
    public PplExpr Latent(string latentName, PplExpr[] indices, PplDist distribution, PplType? type = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var target = indices.Length == 0 ? PplExpr.Name(latentName) : PplExpr.Name(latentName)[indices];
        Sample(target, distribution, type);
        return PplExpr.Name(latentName);
    }

    /// <summary><c>TARGET ~ DIST</c> for data: <c>m.Observe(flips[n], Dist.Bernoulli(theta))</c>.</summary>
    /// <param name="target">The data, or an element of it.</param>
    /// <param name="distribution">Its distribution.</param>
    public void Observe(PplExpr target, PplDist distribution) => Sample(target, distribution, null);

    /// <summary><c>TARGET [: TYPE] ~ DIST</c> for any target: the compiler decides observed (data) or latent.</summary>
    /// <param name="target">A name or an indexed name.</param>
    /// <param name="distribution">Its distribution.</param>
    /// <param name="type">Its type, or null.</param>
    public void Sample(PplExpr target, PplDist distribution, PplType? type)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(distribution);
        Line(target.Text + (type is null ? "" : ": " + type.Text) + " ~ " + distribution.Text);
    }

    /// <summary><c>let NAME = VALUE</c>.</summary>
    /// <param name="letName">The name.</param>
    /// <param name="value">Its definition.</param>
    /// <returns>The value as an expression.</returns>
    public PplExpr Let(string letName, PplExpr value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Declare(letName, $"let {letName} = {value.Text}");
    }

    /// <summary><c>net NAME = mlp(...)</c>; the result applies the network: <c>decoder(z[n])</c>.</summary>
    /// <param name="netName">The network's name.</param>
    /// <param name="mlp">Its architecture.</param>
    /// <returns>A function applying the network to an input.</returns>
    public PplNet Net(string netName, Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        Declare(netName, $"net {netName} = {mlp.Text}");
        return input => Fn.Call(netName, input);
    }

    /// <summary><c>plate INDEX in SIZE [batch B] { body }</c>.</summary>
    /// <param name="index">The plate's index name.</param>
    /// <param name="size">Its size.</param>
    /// <param name="body">Writes the plate's statements; receives the index.</param>
    /// <param name="batch">SVI minibatch size, or null.</param>
    public void Plate(string index, PplExpr size, Action<PplExpr> body, PplExpr? batch = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(index);
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(body);
        Block($"plate {index} in {size.Text}" + (batch is null ? "" : " batch " + batch.Text), () => body(PplExpr.Name(index)));
    }

    /// <summary><c>guide { body }</c>: the variational family for SVI, written with the same methods.</summary>
    /// <param name="body">Writes the guide's params, nets, lets, plates and one latent per model latent it covers.</param>
    public void Guide(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (_inGuide)
        {
            throw new InvalidOperationException("a guide cannot contain another guide");
        }

        _inGuide = true;
        try
        {
            Block("guide", body);
        }
        finally
        {
            _inGuide = false;
        }
    }

    /// <summary>Compiles the model written so far (parse, bind, check, lower).</summary>
    /// <returns>The compiled model with its IR or diagnostics.</returns>
    public PplModel Compile() => PplModel.Parse(ToPpl(), FileName);

    /// <summary>Compiles the model and returns its IR.</summary>
    /// <returns>The Model IR.</returns>
    /// <exception cref="PplModelException">The model has errors; the message shows them against the generated text.</exception>
    public ModelIr Build() => Compile().RequireIr();

    /// <summary>The model as <c>.ppl</c> text, one statement per line.</summary>
    /// <returns>The text.</returns>
    public string ToPpl() => _text.ToString();

    private PplExpr Declare(string declared, string statement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(declared);
        Line(statement);
        return PplExpr.Name(declared);
    }

    private void Block(string header, Action body)
    {
        Line(header + " {");
        _depth++;
        try
        {
            body();
        }
        finally
        {
            _depth--;
        }

        Line("}");
    }

    private void Line(string statement) => _text.Append(' ', 2 * _depth).Append(statement).Append('\n');
}
