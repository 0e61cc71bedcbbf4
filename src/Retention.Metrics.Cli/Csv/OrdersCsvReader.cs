using System.Buffers;
using System.Globalization;
using System.Text;

namespace Retention.Metrics.Cli.Csv;

/// <summary>What a read skipped.</summary>
internal readonly record struct CsvReadStats(long Rows, long Skipped, string? FirstSkipped);

/// <summary>
/// Streams an orders file into a <see cref="PurchaseHistoryBuilder"/>: decodes in 1 MiB chunks, splits lines and fields in
/// place, interns customer keys without allocating for keys already seen, and parses dates and amounts from spans.
/// Memory stays O(customers + history), never O(file as strings).
/// </summary>
internal sealed class OrdersCsvReader
{
    private const int ChunkChars = 1 << 20;

    private readonly CsvFormat _format;
    private readonly string _fileName;
    private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _keyList = [];
    private int[] _numberMap = [];                  // canonical numeric key → index + 1 (0: not seen)
    private Dictionary<long, int>? _sparseNumbers;  // numeric keys too large for the direct table
    private int _customerColumn = -1, _dateColumn = -1, _amountColumn = -1, _orderColumn = -1, _columnCount = -1;
    private char[] _pendingOrder = new char[64];
    private int _pendingOrderLength = -1; // -1: no pending order
    private int _pendingCustomer;
    private DateOnly _pendingDate;
    private decimal _pendingAmount;
    private long _pendingLine;
    private long _lineNumber;
    private long _rows, _skipped;
    private string? _firstSkipped;

    internal OrdersCsvReader(CsvFormat format, string fileName)
    {
        _format = format;
        _fileName = fileName;
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The customer keys in index order.</summary>
    internal IReadOnlyList<string> CustomerKeys => _keyList;

    internal CsvReadStats Stats => new(_rows, _skipped, _firstSkipped);

    /// <summary>Reads every row of <paramref name="stream"/> into <paramref name="builder"/>.</summary>
    internal void Read(Stream stream, PurchaseHistoryBuilder builder, IProgress<long>? bytesRead = null)
    {
        Decoder decoder = _format.Encoding.GetDecoder();
        byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkChars);
        char[] chars = ArrayPool<char>.Shared.Rent(_format.Encoding.GetMaxCharCount(ChunkChars) + ChunkChars);
        try
        {
            int carried = 0; // chars of an incomplete last line kept at the start of the buffer
            bool first = true;
            long total = 0;
            while (true)
            {
                int read = stream.Read(bytes, 0, ChunkChars);
                bool end = read == 0;
                total += read;
                if (!end) bytesRead?.Report(total);
                int decoded;
                try
                {
                    decoded = decoder.GetChars(bytes, 0, read, chars, carried, flush: end);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new FormatException($"{_fileName}, near line {_lineNumber + 1}: the bytes are not valid {_format.Encoding.WebName} ({ex.Message.TrimEnd('.')}); pass --encoding.", ex);
                }
                int available = carried + decoded;
                Span<char> buffer = chars.AsSpan(0, available);
                if (first && buffer.Length > 0 && buffer[0] == '\uFEFF')
                {
                    buffer = buffer[1..];
                }
                first = false;
                int consumed = ReadLines(buffer, end, builder);
                carried = buffer.Length - consumed;
                buffer[consumed..].CopyTo(chars);
                if (end) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
        FlushOrder(builder);
        if (_format.HasHeader && _columnCount < 0)
            throw new FormatException($"{_fileName}: the file is empty; expected a header row naming {_format.CustomerColumn}, {_format.DateColumn} and {_format.AmountColumn}.");
    }

    private int ReadLines(ReadOnlySpan<char> buffer, bool end, PurchaseHistoryBuilder builder)
    {
        int position = 0;
        while (position < buffer.Length)
        {
            ReadOnlySpan<char> rest = buffer[position..];
            int newline = rest.IndexOf('\n');
            if (newline < 0 && !end) break; // incomplete line: wait for more
            ReadOnlySpan<char> line = newline < 0 ? rest : rest[..newline];
            position += newline < 0 ? rest.Length : newline + 1;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            _lineNumber++;
            if (line.IsWhiteSpace()) continue;
            if (_columnCount < 0)
            {
                if (_format.HasHeader)
                {
                    ReadHeader(line);
                    continue;
                }
                ResolveNumbered(CountFields(line));
            }
            ReadRow(line, builder);
        }
        return position;
    }

    private void ReadHeader(ReadOnlySpan<char> line)
    {
        var names = new List<string>();
        Span<Range> ranges = stackalloc Range[256];
        int count = SplitInto(line, ranges);
        foreach (Range r in ranges[..count]) names.Add(CsvFields.Unquote(line[r]).Trim().ToString());
        _columnCount = names.Count;
        _customerColumn = Resolve(names, _format.CustomerColumn, "customer");
        _dateColumn = Resolve(names, _format.DateColumn, "date");
        _amountColumn = Resolve(names, _format.AmountColumn, "amount");
        if (_format.OrderColumn is { } order) _orderColumn = Resolve(names, order, "order");
    }

    private int Resolve(List<string> names, string column, string role)
    {
        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            if (number < 1 || number > names.Count)
                throw new FormatException($"{_fileName}, line 1: the {role} column number {number} is outside 1..{names.Count}.");
            return number - 1;
        }
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        throw new FormatException($"{_fileName}, line 1: no column named '{column}' for the {role} (the header has: {string.Join(", ", names)}); pass --{role} <name or number>.");
    }

    private void ResolveNumbered(int fields)
    {
        _columnCount = fields;
        _customerColumn = Number(_format.CustomerColumn, "customer", fields);
        _dateColumn = Number(_format.DateColumn, "date", fields);
        _amountColumn = Number(_format.AmountColumn, "amount", fields);
        if (_format.OrderColumn is { } order) _orderColumn = Number(order, "order", fields);
    }

    private int Number(string column, string role, int fields)
    {
        if (!int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            throw new FormatException($"{_fileName}: without a header, --{role} must be a column number (1..{fields}); got '{column}'.");
        if (number < 1 || number > fields)
            throw new FormatException($"{_fileName}, line {_lineNumber}: the {role} column number {number} is outside 1..{fields}.");
        return number - 1;
    }

    private void ReadRow(ReadOnlySpan<char> line, PurchaseHistoryBuilder builder)
    {
        Span<Range> ranges = stackalloc Range[Math.Min(256, _columnCount + 1)];
        int count = SplitInto(line, ranges);
        if (count != _columnCount)
        {
            Invalid($"expected {_columnCount} fields, found {count}{(count == ranges.Length ? " or more" : string.Empty)}.");
            return;
        }
        ReadOnlySpan<char> key = CsvFields.Unquote(line[ranges[_customerColumn]]).Trim();
        if (key.IsEmpty)
        {
            Invalid(Column(_customerColumn, "customer") + ": the customer is empty.");
            return;
        }
        ReadOnlySpan<char> dateText = CsvFields.Unquote(line[ranges[_dateColumn]]).Trim();
        if (!TryParseDate(dateText, out DateOnly date))
        {
            Invalid($"{Column(_dateColumn, "date")}: '{dateText}' is not a date{(_format.DateFormat is null ? " (yyyy-MM-dd, yyyyMMdd, yyyy/MM/dd or an ISO timestamp)" : $" in the form {_format.DateFormat}")}.");
            return;
        }
        ReadOnlySpan<char> amountText = CsvFields.Unquote(line[ranges[_amountColumn]]).Trim();
        if (!TryParseAmount(amountText, out decimal amount))
        {
            Invalid($"{Column(_amountColumn, "amount")}: '{amountText}' is not a number.");
            return;
        }
        if (amount < 0m && !_format.AllowRefunds)
        {
            Invalid($"{Column(_amountColumn, "amount")}: {amountText} is negative; amounts must be zero or greater (pass --refunds to net refunds).");
            return;
        }
        int customer = Intern(key);
        if (_orderColumn >= 0)
        {
            ReadOrderLine(CsvFields.Unquote(line[ranges[_orderColumn]]).Trim(), customer, date, amount, builder);
            return;
        }
        try
        {
            builder.Add(customer, date, amount);
            _rows++;
        }
        catch (ArgumentException ex)
        {
            Invalid(ex.Message);
        }
    }

    /// <summary>Adds an order line: summed into the pending order when it has the same id, else it starts a new order.</summary>
    private void ReadOrderLine(ReadOnlySpan<char> order, int customer, DateOnly date, decimal amount, PurchaseHistoryBuilder builder)
    {
        if (order.IsEmpty)
        {
            Invalid(Column(_orderColumn, "order") + ": the order id is empty.");
            return;
        }
        if (_pendingOrderLength >= 0 && order.SequenceEqual(_pendingOrder.AsSpan(0, _pendingOrderLength)))
        {
            if (customer != _pendingCustomer)
            {
                Invalid($"{Column(_customerColumn, "customer")}: order '{order}' has lines for two customers ('{_keyList[_pendingCustomer]}' on line {_pendingLine}, '{_keyList[customer]}' here).");
                return;
            }
            _pendingAmount += amount;
            _rows++;
            return;
        }
        FlushOrder(builder);
        if (order.Length > _pendingOrder.Length) _pendingOrder = new char[Math.Max(order.Length, _pendingOrder.Length * 2)];
        order.CopyTo(_pendingOrder);
        _pendingOrderLength = order.Length;
        _pendingCustomer = customer;
        _pendingDate = date;
        _pendingAmount = amount;
        _pendingLine = _lineNumber;
        _rows++;
    }

    /// <summary>Adds the pending order (the sum of its lines) to the builder.</summary>
    private void FlushOrder(PurchaseHistoryBuilder builder)
    {
        if (_pendingOrderLength < 0) return;
        _pendingOrderLength = -1;
        try
        {
            builder.Add(_pendingCustomer, _pendingDate, _pendingAmount);
        }
        catch (ArgumentException ex)
        {
            Invalid(ex.Message);
        }
    }

    /// <summary>
    /// Maps a customer key to its dense index, allocating only for a key not seen before. Keys that are canonical whole numbers
    /// (member numbers: digits without a leading zero) skip string hashing: a direct table when they are dense, else a
    /// dictionary of longs; every other key goes through the string dictionary. A key always takes the same route, so a key
    /// maps to one index whatever the route.
    /// </summary>
    private int Intern(ReadOnlySpan<char> key)
    {
        if (TryCanonicalNumber(key, out long number))
        {
            if ((ulong)number < (ulong)_numberMap.Length)
            {
                int entry = _numberMap[number];
                if (entry != 0) return entry - 1;
            }
            else if (number < Math.Max(1L << 20, 8L * (_keyList.Count + 1)))
            {
                Array.Resize(ref _numberMap, (int)Math.Max(number + 1, Math.Min(2L * Math.Max(_numberMap.Length, 1024), int.MaxValue / 2)));
            }
            // A number first seen when it was too large for the table stays in the dictionary, even once the table has grown past it.
            if (_sparseNumbers is not null && _sparseNumbers.TryGetValue(number, out int found)) return found;
            int added = AddKey(key);
            if (number < _numberMap.Length) _numberMap[number] = added + 1;
            else (_sparseNumbers ??= []).Add(number, added);
            return added;
        }
        if (_lookup.TryGetValue(key, out int index)) return index;
        index = AddKey(key);
        _keys.Add(_keyList[index], index);
        return index;
    }

    private int AddKey(ReadOnlySpan<char> key)
    {
        _keyList.Add(key.ToString());
        return _keyList.Count - 1;
    }

    /// <summary>Whether <paramref name="key"/> is 1 to 18 digits without a leading zero (or "0"), and its value.</summary>
    private static bool TryCanonicalNumber(ReadOnlySpan<char> key, out long number)
    {
        number = 0;
        if (key.Length is 0 or > 18 || (key[0] == '0' && key.Length > 1)) return false;
        for (int i = 0; i < key.Length; i++)
        {
            uint digit = (uint)(key[i] - '0');
            if (digit > 9) return false;
            number = (number * 10) + digit;
        }
        return true;
    }

    private bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) => TryParseDate(text, _format, out date);

    /// <summary>Parses a date the way <paramref name="csv"/> says: its date format, else ISO dates and timestamps in its time zone.</summary>
    internal static bool TryParseDate(ReadOnlySpan<char> text, CsvFormat csv, out DateOnly date)
    {
        if (csv.DateFormat is { } format)
        {
            if (DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime dt))
            {
                date = Calendar.ToLocalDate(new DateTimeOffset(dt, TimeSpan.Zero), csv.TimeZone);
                return true;
            }
            return false;
        }
        if (text.Length == 10 && TryDigits(text, 0, 4, out int y) && (text[4] is '-' or '/') && text[7] == text[4]
            && TryDigits(text, 5, 2, out int m) && TryDigits(text, 8, 2, out int d))
            return TryDate(y, m, d, out date);
        if (text.Length == 8 && TryDigits(text, 0, 4, out y) && TryDigits(text, 4, 2, out m) && TryDigits(text, 6, 2, out d))
            return TryDate(y, m, d, out date);
        if (text.Length > 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset instant))
        {
            date = Calendar.ToLocalDate(instant, csv.TimeZone);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>
    /// Parses an amount as <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/> with
    /// <see cref="NumberStyles.Number"/> and the invariant culture does, with a fast path for the common shape: up to 18 digits
    /// with an optional '.' and fraction, no sign. The value and scale are the same as the general parser's (10.50 keeps scale 2).
    /// </summary>
    internal static bool TryParseAmount(ReadOnlySpan<char> text, out decimal value)
    {
        if (text.Length is > 0 and <= 19)
        {
            ulong mantissa = 0;
            int digits = 0, scale = -1, i = 0;
            for (; i < text.Length; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit <= 9)
                {
                    mantissa = (mantissa * 10) + digit;
                    digits++;
                    if (scale >= 0) scale++;
                }
                else if (text[i] == '.' && scale < 0 && digits > 0)
                {
                    scale = 0;
                }
                else
                {
                    break;
                }
            }
            if (i == text.Length && digits is > 0 and <= 18 && scale != 0)
            {
                value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)Math.Max(scale, 0));
                return true;
            }
        }
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        for (int i = start; i < start + length; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            value = (value * 10) + digit;
        }
        return true;
    }

    /// <summary>Reports a bad row: "file, line N, column C (role): …" or "file, line N: …"; skipped and counted with --skip-invalid.</summary>
    private void Invalid(string reason)
    {
        string separator = reason.StartsWith("column ", StringComparison.Ordinal) ? ", " : ": ";
        string message = $"{_fileName}, line {_lineNumber}{separator}{reason}";
        if (!_format.SkipInvalid) throw new FormatException(message);
        _skipped++;
        _firstSkipped ??= message;
    }

    private static string Column(int index, string role) => $"column {index + 1} ({role})";

    private int CountFields(ReadOnlySpan<char> line) => SplitInto(line, stackalloc Range[256]);

    private int SplitInto(ReadOnlySpan<char> line, Span<Range> ranges) => CsvFields.Split(line, ranges, _format.Delimiter);
}
