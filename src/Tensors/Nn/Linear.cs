using Ppl.Tensors.Random;

namespace Ppl.Tensors.Nn;

/// <summary>
/// A dense layer y = act(x·W + b) with W: [in, out] and b: [out], run as one fused op
/// (<see cref="Tensor.Linear"/>). W is stored input-major so the forward product needs no transpose.
/// </summary>
public sealed class Linear
{
    private readonly Tensor[] _parameters;

    /// <summary>Creates a layer with freshly initialised weights and zero biases.</summary>
    public Linear(int inputs, int outputs, RandomSource random, Initialization initialization = Initialization.Xavier,
        bool bias = true, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        Inputs = inputs;
        Outputs = outputs;
        Weight = Tensor.Persistent(dtype, [inputs, outputs]);
        WeightInitializer.Fill(Weight, initialization, inputs, outputs, random);
        Weight.RequiresGrad = true;
        if (bias)
        {
            Bias = Tensor.Persistent(dtype, [outputs]);
            Bias.RequiresGrad = true;
            _parameters = [Weight, Bias];
        }
        else
        {
            _parameters = [Weight];
        }
    }

    /// <summary>Input width.</summary>
    public int Inputs { get; }

    /// <summary>Output width.</summary>
    public int Outputs { get; }

    /// <summary>The weight matrix, [in, out].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias vector, [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>The trainable tensors: weight, then bias.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>act(x·W + b) for x: [batch, in] (or [..., in]).</summary>
    public Tensor Forward(Tensor x, Activation activation = Activation.Identity) => Tensor.Linear(x, Weight, Bias, activation);
}
