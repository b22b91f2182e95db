using System.Diagnostics.CodeAnalysis;

namespace Ppl.StdLib.Data;

/// <summary>
/// The element type byte of an IDX file's magic number (LeCun et al., "The MNIST database",
/// file format section): the third byte of <c>0x00 0x00 TYPE DIMS</c>.
/// </summary>
[SuppressMessage("Naming", "CA1720", Justification = "The members name the IDX format's element types, which are machine types.")]
public enum IdxElementType : byte
{
    /// <summary>Unsigned byte, 0..255 (0x08): the type of MNIST-style image and label files.</summary>
    UnsignedByte = 0x08,

    /// <summary>Signed byte, -128..127 (0x09).</summary>
    SignedByte = 0x09,

    /// <summary>Big-endian 16-bit signed integer (0x0B).</summary>
    Int16 = 0x0B,

    /// <summary>Big-endian 32-bit signed integer (0x0C).</summary>
    Int32 = 0x0C,

    /// <summary>Big-endian IEEE 754 single precision (0x0D).</summary>
    Single = 0x0D,

    /// <summary>Big-endian IEEE 754 double precision (0x0E).</summary>
    Double = 0x0E,
}
