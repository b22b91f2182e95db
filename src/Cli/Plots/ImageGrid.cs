namespace Ppl.Cli.Plots;

/// <summary>
/// Tiles equally sized greyscale images (VAE samples, reconstructions) into one PNG: <c>columns</c>
/// across, a 1-pixel white gutter between tiles, intensities in [0, 1] clamped and scaled to 0–255.
/// </summary>
internal static class ImageGrid
{
    /// <summary>The PNG bytes of the grid.</summary>
    /// <param name="images">Each image row-major, <paramref name="imageWidth"/> × <paramref name="imageHeight"/> values in [0, 1].</param>
    /// <param name="imageWidth">Tile width.</param>
    /// <param name="imageHeight">Tile height.</param>
    /// <param name="columns">Tiles per row.</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Png(IReadOnlyList<IReadOnlyList<double>> images, int imageWidth, int imageHeight, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        columns = Math.Min(columns, images.Count);
        var rows = (images.Count + columns - 1) / columns;
        var width = columns * imageWidth + (columns - 1);
        var height = rows * imageHeight + (rows - 1);
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (image.Count != imageWidth * imageHeight)
            {
                throw new ArgumentException($"image {i} has {image.Count} values, expected {imageWidth * imageHeight}", nameof(images));
            }
            var left = (i % columns) * (imageWidth + 1);
            var top = (i / columns) * (imageHeight + 1);
            for (var y = 0; y < imageHeight; y++)
            {
                for (var x = 0; x < imageWidth; x++)
                {
                    var value = image[y * imageWidth + x];
                    var level = double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
                    pixels[(top + y) * width + left + x] = (byte)Math.Round(255 * level);
                }
            }
        }
        return PngWriter.Greyscale(width, height, pixels);
    }
}
