namespace Retention.Metrics.Cli.Csv;

/// <summary>Field splitting shared by every delimited-file reader of the command line.</summary>
internal static class CsvFields
{
    /// <summary>Splits a line into field ranges; a quoted field may hold the delimiter (a doubled quote inside it is a quote).
    /// Returns the field count, capped at the length of <paramref name="ranges"/>.</summary>
    internal static int Split(ReadOnlySpan<char> line, Span<Range> ranges, char delimiter)
    {
        int count = 0, i = 0;
        if (delimiter == CsvFormat.Whitespace)
        {
            while (i < line.Length && count < ranges.Length)
            {
                while (i < line.Length && (line[i] == ' ' || line[i] == '\t')) i++;
                if (i >= line.Length) break;
                int start = i;
                while (i < line.Length && line[i] != ' ' && line[i] != '\t') i++;
                ranges[count++] = start..i;
            }
            return count;
        }
        while (count < ranges.Length)
        {
            int start = i;
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
            }
            int d = line[i..].IndexOf(delimiter);
            if (d < 0)
            {
                ranges[count++] = start..line.Length;
                break;
            }
            ranges[count++] = start..(i + d);
            i += d + 1;
        }
        return count;
    }

    /// <summary>Removes the quotes around a (trimmed) field. A doubled quote inside stays doubled: keys only need to be
    /// consistent, and dates and amounts never hold one.</summary>
    internal static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<char> t = field.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1] : t;
    }
}
