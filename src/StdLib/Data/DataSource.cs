using System.Globalization;
using System.Text.RegularExpressions;

namespace Ppl.StdLib.Data;

/// <summary>
/// Finds and reads the data for a model: the <c>--data</c> arguments (<c>FILE</c> or <c>NAME=FILE</c>,
/// repeated), or without them a <c>MODEL.json</c> and/or <c>MODEL.csv</c> beside the model. Picks each
/// file's reader from its name, and merges everything into one <see cref="DataSet"/>; a name given by
/// two files is an error.
/// </summary>
public static partial class DataSource
{
    private static readonly string[] DefaultExtensions = [".json", ".csv"];

    /// <summary>Reads the data for a model from <c>--data</c> arguments as typed (<c>FILE</c> or <c>NAME=FILE</c>).</summary>
    /// <param name="modelPath">The model file; its default data files are used when there are no arguments.</param>
    /// <param name="dataArguments">The <c>--data</c> arguments, in order.</param>
    public static DataReadResult Load(string modelPath, IEnumerable<string> dataArguments)
    {
        ArgumentNullException.ThrowIfNull(dataArguments);
        return Load(modelPath, dataArguments.Select(DataArgument.Parse).ToList());
    }

    /// <summary>Reads the data for a model; with no arguments, from <see cref="Defaults"/>.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <param name="arguments">The <c>--data</c> arguments, in order.</param>
    public static DataReadResult Load(string modelPath, IReadOnlyList<DataArgument> arguments)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(arguments);
        var sources = arguments.Count > 0 ? arguments : Defaults(modelPath);
        var arrays = new List<DataArray>();
        var byName = new Dictionary<string, DataArray>(StringComparer.Ordinal);
        var errors = new List<DataError>();
        foreach (var source in sources)
        {
            var result = Read(source);
            errors.AddRange(result.Errors);
            foreach (var array in result.Data.Arrays)
            {
                if (byName.TryGetValue(array.Name, out var first))
                {
                    errors.Add(new DataError(
                        $"data '{array.Name}' is given twice: here and at {first.Position}",
                        array.Position,
                        "each data name must come from one file"));
                    continue;
                }

                byName.Add(array.Name, array);
                arrays.Add(array);
            }
        }

        return new DataReadResult(new DataSet(arrays), errors);
    }

    /// <summary>The default data files of a model that exist: <c>MODEL.json</c>, then <c>MODEL.csv</c>, beside it.</summary>
    /// <param name="modelPath">The model file, e.g. <c>examples/coin/coin.ppl</c>.</param>
    public static IReadOnlyList<DataArgument> Defaults(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        return DefaultExtensions
            .Select(extension => Path.ChangeExtension(modelPath, extension))
            .Where(File.Exists)
            .Select(path => new DataArgument(null, path))
            .ToList();
    }

    /// <summary>Reads one <c>--data</c> argument with the reader its file name calls for.</summary>
    /// <param name="argument">The argument.</param>
    public static DataReadResult Read(DataArgument argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var path = argument.Path;
        var result = FormatOf(path) switch
        {
            DataFormat.Json => JsonDataReader.Read(path, argument.Name),
            DataFormat.Csv => CsvDataReader.Read(path, argument.Name),
            DataFormat.Idx => IdxDataReader.Read(path, argument.Name),
            _ => DataReadResult.Failure(new DataError(
                $"cannot tell the format of data file '{path}' from its name",
                new DataPosition(path),
                "data files end in .json, .csv, .idx, -ubyte or .gz")),
        };
        if (result.HasErrors)
        {
            return result;
        }

        var arrays = result.Data.Arrays;
        if (argument.Name is { } name)
        {
            return arrays.Count == 1
                ? new DataReadResult(new DataSet([arrays[0].WithName(name)]), [])
                : DataReadResult.Failure(new DataError(
                    arrays.Count == 0
                        ? $"'{path}' holds no data to bind to '{name}'"
                        : string.Create(CultureInfo.InvariantCulture, $"'{path}' holds {arrays.Count} arrays ({string.Join(", ", arrays.Select(a => a.Name))}); --data {name}=FILE needs a file holding one"),
                    new DataPosition(path),
                    $"drop '{name}=' to bind every array in the file by its own name"));
        }

        var unnamed = arrays.FirstOrDefault(a => a.Name.Length == 0);
        return unnamed is null
            ? result
            : DataReadResult.Failure(new DataError(
                $"'{path}' holds an unnamed array",
                unnamed.Position,
                $"bind it to a data name with --data NAME={path}"));
    }

    /// <summary>
    /// The format a file's name calls for, after dropping a <c>.gz</c> suffix: <c>.json</c>, <c>.csv</c>,
    /// or IDX for <c>.idx</c>, names ending in <c>-ubyte</c> and names with <c>idx1</c>..<c>idx9</c>
    /// (<c>train-images-idx3-ubyte.gz</c>, <c>t10k-labels.idx1-ubyte</c>); any other gzipped file is
    /// taken as IDX too (the reader checks the magic number). Null when nothing fits.
    /// </summary>
    /// <param name="path">The file name or path.</param>
    public static DataFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToUpperInvariant();
        var gzipped = name.EndsWith(".GZ", StringComparison.Ordinal);
        if (gzipped)
        {
            name = name[..^3];
        }

        return Path.GetExtension(name) switch
        {
            ".JSON" => DataFormat.Json,
            ".CSV" => DataFormat.Csv,
            ".IDX" => DataFormat.Idx,
            _ when gzipped || name.EndsWith("-UBYTE", StringComparison.Ordinal) || IdxName().IsMatch(name) => DataFormat.Idx,
            _ => null,
        };
    }

    [GeneratedRegex(@"IDX[1-9]")]
    private static partial Regex IdxName();
}
