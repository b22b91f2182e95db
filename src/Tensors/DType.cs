using System.Diagnostics.CodeAnalysis;

namespace Ppl.Tensors;

/// <summary>The element type of a <see cref="Tensor"/>.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name",
    Justification = "float32/float64 are the standard element-type names (NumPy, PyTorch).")]
public enum DType
{
    /// <summary>32-bit IEEE float: the default for neural work and SVI.</summary>
    Float32,

    /// <summary>64-bit IEEE double: for precision-sensitive work and gradient checks.</summary>
    Float64,
}
