using System.IO.Compression;

namespace Ppl.StdLib.Tests.Data;

internal static class Gzip
{
    public static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
