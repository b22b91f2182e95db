using Ppl.Tensors.Random;

namespace Ppl.Tensors.Nn;

/// <summary>
/// A multilayer perceptron — what <c>net f = mlp(A -> H -> ... -> B, act: ..., dropout: p)</c> compiles
/// to: dense layers with the activation after every hidden layer, inverted dropout after each hidden
/// activation while <see cref="Training"/>, and a linear output layer.
/// </summary>
/// <remarks>
/// The weights can also come from outside (<see cref="Forward(Tensor, IReadOnlyList{Tensor})"/>): Bayes by
/// Backprop samples them per step, and the same forward code runs on the samples.
/// </remarks>
public sealed class Mlp
{
    private readonly Tensor[] _parameters;
    private readonly RandomSource _dropoutRandom;

    /// <summary>
    /// Creates an MLP with layer widths <paramref name="sizes"/> (input first, output last).
    /// Initialisation defaults to Kaiming for ReLU/softplus and Xavier otherwise.
    /// </summary>
    public Mlp(IReadOnlyList<int> sizes, RandomSource random, Activation activation = Activation.Relu, double dropout = 0,
        DType dtype = DType.Float32, Initialization? initialization = null)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(random);
        if (sizes.Count < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output size", nameof(sizes));
        }
        if (dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), "dropout probability must be in [0, 1)");
        }
        Sizes = [.. sizes];
        Activation = activation;
        Dropout = dropout;
        var hiddenInit = initialization ?? WeightInitializer.DefaultFor(activation);
        var layers = new Linear[sizes.Count - 1];
        for (var i = 0; i < layers.Length; i++)
        {
            var init = i == layers.Length - 1 ? initialization ?? Initialization.Xavier : hiddenInit;
            layers[i] = new Linear(sizes[i], sizes[i + 1], random, init, bias: true, dtype);
        }
        Layers = layers;
        _parameters = [.. layers.SelectMany(l => l.Parameters)];
        _dropoutRandom = random.Split();
    }

    /// <summary>Layer widths, input first.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>The hidden activation.</summary>
    public Activation Activation { get; }

    /// <summary>Dropout probability after each hidden activation.</summary>
    public double Dropout { get; }

    /// <summary>
    /// Whether dropout is active (default true). Set false for evaluation; MC dropout keeps it true at
    /// prediction time.
    /// </summary>
    public bool Training { get; set; } = true;

    /// <summary>The dense layers.</summary>
    public IReadOnlyList<Linear> Layers { get; }

    /// <summary>All trainable tensors in order W₀, b₀, W₁, b₁, …</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The shapes of <see cref="Parameters"/>: [in, out] and [out] per layer.</summary>
    public IEnumerable<int[]> ParameterShapes =>
        Layers.SelectMany(l => new[] { new[] { l.Inputs, l.Outputs }, new[] { l.Outputs } });

    /// <summary>The network's output for x: [batch, in] (or [..., in]) with its own weights.</summary>
    public Tensor Forward(Tensor x) => Forward(x, _parameters);

    /// <summary>
    /// The network's output with externally supplied weights in the order and shapes of
    /// <see cref="Parameters"/> (e.g. weights sampled from a variational posterior).
    /// </summary>
    public Tensor Forward(Tensor x, IReadOnlyList<Tensor> weights) =>
        Run(x, weights, Activation, Training ? Dropout : 0, _dropoutRandom);

    /// <summary>
    /// The MLP as a pure function of its input and weights [W₀, b₀, W₁, b₁, …]: act after each hidden
    /// layer, dropout (with probability <paramref name="dropout"/>, drawn from <paramref name="random"/>)
    /// after each hidden activation, a linear last layer.
    /// </summary>
    public static Tensor Run(Tensor x, IReadOnlyList<Tensor> weights, Activation activation, double dropout = 0,
        RandomSource? random = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Count % 2 != 0)
        {
            throw new ArgumentException("weights must be pairs [W, b] per layer", nameof(weights));
        }
        if (dropout > 0 && random is null)
        {
            throw new ArgumentNullException(nameof(random), "dropout needs a random source");
        }
        var h = x;
        var layers = weights.Count / 2;
        for (var i = 0; i < layers; i++)
        {
            var last = i == layers - 1;
            h = Tensor.Linear(h, weights[2 * i], weights[2 * i + 1], last ? Activation.Identity : activation);
            if (!last && dropout > 0)
            {
                h = Tensor.Dropout(h, dropout, random!);
            }
        }
        return h;
    }
}
