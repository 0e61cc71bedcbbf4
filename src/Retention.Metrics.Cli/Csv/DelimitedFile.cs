using System.Globalization;
using System.Text;

namespace Retention.Metrics.Cli.Csv;

/// <summary>
/// Streams a delimited file (subscriptions, shipments, survival data, summaries, order lines) row by row with the same layout
/// rules as <see cref="OrdersCsvReader"/>: header or numbered columns, quoting, encodings, dates in a time zone; bad values are
/// errors naming file, line and column, or with --skip-invalid are counted. One line is held at a time.
/// </summary>
internal sealed class DelimitedFile : IDisposable
{
    private readonly CsvFormat _format;
    private readonly StreamReader _reader;
    private readonly List<string> _names = [];
    private readonly Range[] _ranges = new Range[256];
    private string _line = string.Empty;
    private int _fieldCount;
    private int _columnCount = -1;
    private long _skipped;
    private string? _firstSkipped;

    private DelimitedFile(Stream stream, CsvFormat format, string fileName)
    {
        _format = format;
        FileName = fileName;
        _reader = new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (format.HasHeader)
        {
            while (ReadLine())
            {
                if (_line.AsSpan().IsWhiteSpace()) continue;
                int count = CsvFields.Split(_line.AsSpan(), _ranges, format.Delimiter);
                for (int i = 0; i < count; i++) _names.Add(CsvFields.Unquote(_line.AsSpan()[_ranges[i]]).Trim().ToString());
                _columnCount = count;
                return;
            }
            throw new FormatException($"{FileName}: the file is empty; expected a header row.");
        }
    }

    /// <summary>The file's name, for messages.</summary>
    public string FileName { get; }

    /// <summary>The current line number (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>The number of rows skipped as invalid.</summary>
    public long Skipped => _skipped;

    /// <summary>The first skipped row's message.</summary>
    public string? FirstSkipped => _firstSkipped;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    public static DelimitedFile Open(string path, CsvFormat format)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            return new DelimitedFile(stream, format, Path.GetFileName(path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a stream (tests, embedded data).</summary>
    public static DelimitedFile Open(Stream stream, CsvFormat format, string fileName) => new(stream, format, fileName);

    /// <summary>Whether the column exists (by header name or number).</summary>
    public bool HasColumn(string column) =>
        int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n >= 1 && (_columnCount < 0 || n <= _columnCount) : IndexOfName(column) >= 0;

    /// <summary>Resolves a column by header name (case-insensitive) or 1-based number.</summary>
    /// <exception cref="FormatException">No such column; the message lists the header and names the option.</exception>
    public int Column(string column, string option)
    {
        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            if (number < 1 || (_columnCount >= 0 && number > _columnCount))
                throw new FormatException($"{FileName}, line 1: the {option} column number {number} is outside 1..{_columnCount}.");
            return number - 1;
        }
        if (!_format.HasHeader)
            throw new FormatException($"{FileName}: without a header, {option} must be a column number; got '{column}'.");
        int index = IndexOfName(column);
        if (index < 0)
            throw new FormatException($"{FileName}, line 1: no column named '{column}' for {option} (the header has: {string.Join(", ", _names)}).");
        return index;
    }

    private int IndexOfName(string column)
    {
        for (int i = 0; i < _names.Count; i++)
            if (string.Equals(_names[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Advances to the next non-blank row with the expected field count (others are errors or skipped).</summary>
    public bool Next()
    {
        while (ReadLine())
        {
            ReadOnlySpan<char> line = _line.AsSpan();
            if (line.IsWhiteSpace()) continue;
            _fieldCount = CsvFields.Split(line, _ranges, _format.Delimiter);
            if (_columnCount < 0) _columnCount = _fieldCount;
            if (_fieldCount != _columnCount)
            {
                Invalid($"{FileName}, line {Line}: expected {_columnCount} fields, found {_fieldCount}.");
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>Handles a bad row: throws, or with --skip-invalid counts it and returns.</summary>
    public void Invalid(string message)
    {
        if (!_format.SkipInvalid) throw new FormatException(message);
        _skipped++;
        _firstSkipped ??= message;
    }

    /// <summary>Builds the message "file, line N, column C (role): reason".</summary>
    public string Message(int column, string role, string reason) => $"{FileName}, line {Line}, column {column + 1} ({role}): {reason}";

    /// <summary>The trimmed, unquoted text of a field of the current row.</summary>
    public ReadOnlySpan<char> Field(int column)
    {
        if (column >= _fieldCount) throw new FormatException($"{FileName}, line {Line}: column {column + 1} is missing; the row has {_fieldCount} fields.");
        return CsvFields.Unquote(_line.AsSpan()[_ranges[column]]).Trim();
    }

    /// <summary>A date field; false (after reporting) when invalid.</summary>
    public bool TryDate(int column, string role, out DateOnly date)
    {
        ReadOnlySpan<char> text = Field(column);
        if (OrdersCsvReader.TryParseDate(text, _format, out date)) return true;
        Invalid(Message(column, role, $"'{text}' is not a date{(_format.DateFormat is null ? " (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd or an ISO timestamp)" : $" in the form {_format.DateFormat}")}."));
        return false;
    }

    /// <summary>An optional date field: empty is <see langword="null"/>; false (after reporting) when invalid.</summary>
    public bool TryOptionalDate(int column, string role, out DateOnly? date)
    {
        date = null;
        if (Field(column).IsEmpty) return true;
        if (!TryDate(column, role, out DateOnly d)) return false;
        date = d;
        return true;
    }

    /// <summary>A decimal field; false (after reporting) when invalid or negative.</summary>
    public bool TryDecimal(int column, string role, out decimal value)
    {
        ReadOnlySpan<char> text = Field(column);
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            Invalid(Message(column, role, $"'{text}' is not a number."));
            return false;
        }
        if (value < 0m)
        {
            Invalid(Message(column, role, $"{text} is negative; values must be zero or greater."));
            return false;
        }
        return true;
    }

    /// <summary>A number field; false (after reporting) when invalid, negative or not finite.</summary>
    public bool TryDouble(int column, string role, out double value)
    {
        ReadOnlySpan<char> text = Field(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            Invalid(Message(column, role, $"'{text}' is not a number."));
            return false;
        }
        if (value < 0d)
        {
            Invalid(Message(column, role, $"{text} is negative; values must be zero or greater."));
            return false;
        }
        return true;
    }

    /// <summary>A non-empty text field; false (after reporting) when empty.</summary>
    public bool TryText(int column, string role, out string value)
    {
        ReadOnlySpan<char> text = Field(column);
        value = string.Empty;
        if (text.IsEmpty)
        {
            Invalid(Message(column, role, $"the {role} is empty."));
            return false;
        }
        value = text.ToString();
        return true;
    }

    /// <summary>Writes the skipped-rows note to <paramref name="error"/> when rows were skipped.</summary>
    public void ReportSkipped(TextWriter error)
    {
        if (_skipped > 0) error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retention: skipped {_skipped:N0} invalid rows of {FileName}; the first: {_firstSkipped}"));
    }

    private bool ReadLine()
    {
        string? line;
        try
        {
            line = _reader.ReadLine();
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException($"{FileName}, near line {Line + 1}: the bytes are not valid {_format.Encoding.WebName} ({ex.Message.TrimEnd('.')}); pass --encoding.", ex);
        }
        if (line is null) return false;
        Line++;
        _line = line;
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
