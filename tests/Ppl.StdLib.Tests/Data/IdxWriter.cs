using System.Buffers.Binary;
using Ppl.StdLib.Data;

namespace Ppl.StdLib.Tests.Data;

/// <summary>Writes IDX files from the format's description, independently of the reader.</summary>
internal static class IdxWriter
{
    public static byte[] Write(IdxElementType type, int[] shape, double[] values)
    {
        var size = type switch
        {
            IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
            IdxElementType.Int16 => 2,
            IdxElementType.Int32 or IdxElementType.Single => 4,
            _ => 8,
        };
        var header = 4 + (4 * shape.Length);
        var bytes = new byte[header + (size * values.Length)];
        bytes[2] = (byte)type;
        bytes[3] = (byte)shape.Length;
        for (var axis = 0; axis < shape.Length; axis++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * axis)), shape[axis]);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var at = bytes.AsSpan(header + (i * size));
            switch (type)
            {
                case IdxElementType.UnsignedByte:
                    at[0] = checked((byte)values[i]);
                    break;
                case IdxElementType.SignedByte:
                    at[0] = unchecked((byte)checked((sbyte)values[i]));
                    break;
                case IdxElementType.Int16:
                    BinaryPrimitives.WriteInt16BigEndian(at, checked((short)values[i]));
                    break;
                case IdxElementType.Int32:
                    BinaryPrimitives.WriteInt32BigEndian(at, checked((int)values[i]));
                    break;
                case IdxElementType.Single:
                    BinaryPrimitives.WriteSingleBigEndian(at, (float)values[i]);
                    break;
                default:
                    BinaryPrimitives.WriteDoubleBigEndian(at, values[i]);
                    break;
            }
        }

        return bytes;
    }
}
