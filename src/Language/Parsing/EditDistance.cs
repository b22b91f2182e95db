namespace Ppl.Language.Parsing;

/// <summary>Edit distance checks for "did you mean" hints.</summary>
internal static class EditDistance
{
    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> differ by exactly one insertion,
    /// deletion, substitution or swap of adjacent characters (Damerau 1964).
    /// </summary>
    public static bool IsOneEditAway(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i]
                && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return swapped || a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
        }

        return a.Length > b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
