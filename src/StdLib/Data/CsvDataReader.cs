using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Ppl.StdLib.Data;

/// <summary>
/// Reads CSV data files: a header row naming the columns, then one row per data point. A plain column
/// <c>y</c> is a vector <c>y[N]</c>; columns <c>X.0 .. X.{D-1}</c> make a matrix <c>X[N, D]</c>
/// (see <see cref="CsvHeader"/>). Cells are integers, reals, or <c>true</c>/<c>false</c>; empty cells,
/// NaN, infinities, missing-value markers and other text are errors with the line and column name.
/// </summary>
public static class CsvDataReader
{
    /// <summary>Reads a CSV file (gzip-compressed or not).</summary>
    /// <param name="path">The file, as the user named it; positions use this text.</param>
    /// <param name="name">The name of the array made by columns named by indices alone (<c>0, 1, 2</c>).</param>
    public static DataReadResult Read(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var contents = DataFile.Read(path);
        return contents.Error is { } error ? DataReadResult.Failure(error) : Parse(contents.Bytes!, path, name);
    }

    /// <summary>Reads CSV text held in memory.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="file">The label used in positions.</param>
    /// <param name="name">The name of the array made by columns named by indices alone.</param>
    public static DataReadResult Parse(string csv, string file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var text = new StringReader(csv);
        return Parse(text, file, name);
    }

    /// <summary>Reads CSV bytes held in memory (UTF-8, a byte-order mark is allowed).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="file">The label used in positions.</param>
    /// <param name="name">The name of the array made by columns named by indices alone.</param>
    public static DataReadResult Parse(byte[] bytes, string file, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var text = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(text, file, name);
    }

    private static DataReadResult Parse(TextReader text, string file, string? name)
    {
        ArgumentNullException.ThrowIfNull(file);
        var errors = new DataErrorList(file);
        var line = 0;
        string? badField = null;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = true,
            BadDataFound = args => badField ??= args.Field,
        };
        using var parser = new CsvParser(text, configuration);
        var lines = new CsvLineCounter();
        try
        {
            if (!parser.Read())
            {
                errors.Add("the CSV data file is empty; it needs a header row naming the columns", new DataPosition(file));
                return new DataReadResult(DataSet.Empty, errors.ToList());
            }

            line = lines.StartOfRecord(parser);
            var header = new DataPosition(file) { Line = line };
            var names = parser.Record!.Select(n => n.Trim()).ToArray();
            if (badField is not null)
            {
                errors.Add($"the header field {Quote(badField)} is not quoted properly", header);
                return new DataReadResult(DataSet.Empty, errors.ToList());
            }

            var layout = CsvHeader.Build(names, name ?? string.Empty, header, errors);
            if (layout is null)
            {
                return new DataReadResult(DataSet.Empty, errors.ToList());
            }

            var arrays = layout.Arrays.Select(a => new CsvArrayValues(a, file)).ToArray();
            var rows = new CsvRowLines(line + 1);
            while (parser.Read())
            {
                line = lines.StartOfRecord(parser);
                rows.Add(line);
                foreach (var array in arrays)
                {
                    array.StartRow();
                }

                // Fields are parsed when first read, and only then is bad quoting reported.
                var record = parser.Record!;
                if (badField is not null)
                {
                    errors.Add($"the field {Quote(badField)} is not quoted properly", new DataPosition(file) { Line = line }, "a field with a quote, comma or line break must be quoted, with quotes doubled: \"a \"\"b\"\"\"");
                    badField = null;
                    continue;
                }

                if (record.Length != layout.ColumnCount)
                {
                    errors.Add(
                        $"the row has {Count(record.Length, "field")} but the header has {Count(layout.ColumnCount, "column")}",
                        new DataPosition(file) { Line = line });
                    continue;
                }

                for (var column = 0; column < layout.ColumnCount; column++)
                {
                    var position = new CsvCellPosition(line, names[column]);
                    arrays[layout.ArrayOfColumn[column]].Set(layout.OffsetOfColumn[column], record[column], position, errors);
                }
            }

            if (errors.Count > 0)
            {
                return new DataReadResult(DataSet.Empty, errors.ToList());
            }

            var lineOfRow = rows.Irregular;
            return new DataReadResult(new DataSet(arrays.Select(a => a.ToArray(header, lineOfRow))), []);
        }
        catch (CsvHelperException e)
        {
            var message = e.Message.Split('\n', 2)[0].Trim();
            errors.Add($"invalid CSV: {message}", new DataPosition(file) { Line = line + 1 });
            return new DataReadResult(DataSet.Empty, errors.ToList());
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static string Quote(string text)
    {
        var shown = text.ReplaceLineEndings("\\n");
        return shown.Length <= 20 ? $"'{shown}'" : $"'{shown[..20]}...'";
    }
}
