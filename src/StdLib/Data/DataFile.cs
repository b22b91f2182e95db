using System.Buffers.Binary;
using System.IO.Compression;

namespace Ppl.StdLib.Data;

/// <summary>
/// Reads a data file into memory, decompressing gzip transparently (recognised by its magic bytes
/// 0x1F 0x8B, whatever the name). A missing or unreadable file is a <see cref="DataError"/>, not an
/// exception.
/// </summary>
internal static class DataFile
{
    /// <summary>The bytes of a file, or the error that prevented reading it.</summary>
    internal readonly record struct Contents(byte[]? Bytes, DataError? Error);

    public static Contents Read(string path)
    {
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file"
                : Directory.Exists(path) ? "it is a directory"
                : e.Message;
            return new Contents(null, new DataError($"cannot read data file '{path}': {reason}", new DataPosition(path)));
        }

        return IsGzip(raw) ? Inflate(raw, path) : new Contents(raw, null);
    }

    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>
    /// Inflates a gzip file. The last four bytes of a gzip member hold the uncompressed size modulo 2^32
    /// (RFC 1952, ISIZE), a good first guess for the buffer; the stream decides the true length.
    /// </summary>
    public static Contents Inflate(byte[] compressed, string path)
    {
        var guess = compressed.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(^4)) : 0u;
        var buffer = new byte[Math.Clamp(guess, 1u, (uint)Array.MaxLength)];
        var length = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            while (true)
            {
                if (length == buffer.Length)
                {
                    // The guess was exact (the usual case) unless the stream has more: probe one byte.
                    var probe = gzip.ReadByte();
                    if (probe < 0)
                    {
                        break;
                    }

                    if (buffer.Length == Array.MaxLength)
                    {
                        return new Contents(null, new DataError($"cannot read data file '{path}': it is larger than 2 GB once decompressed", new DataPosition(path)));
                    }

                    Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, Array.MaxLength));
                    buffer[length++] = (byte)probe;
                }

                var read = gzip.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new Contents(null, new DataError($"cannot decompress data file '{path}': {e.Message}", new DataPosition(path)));
        }

        if (length != buffer.Length)
        {
            Array.Resize(ref buffer, length);
        }

        return new Contents(buffer, null);
    }
}
