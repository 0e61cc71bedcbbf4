using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Retention.Metrics.Cli.Commands;

namespace Retention.Metrics.Cli.Output;

/// <summary>An output format for tables.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for a terminal.</summary>
    Text,

    /// <summary>RFC 4180 CSV, invariant culture; tables separated by a blank line.</summary>
    Csv,

    /// <summary>One JSON object: each table a property holding an array of row objects with camelCase keys.</summary>
    Json,
}

/// <summary>Renders <see cref="Table"/>s as text, CSV or JSON.</summary>
internal static class TableWriter
{
    /// <summary>Parses a --format value.</summary>
    public static OutputFormat ParseFormat(string text) => text.ToUpperInvariant() switch
    {
        "TEXT" or "TABLE" => OutputFormat.Text,
        "CSV" => OutputFormat.Csv,
        "JSON" => OutputFormat.Json,
        _ => throw new UsageException($"--format '{text}' is not one of json, csv, text."),
    };

    /// <summary>Writes <paramref name="tables"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(IReadOnlyList<Table> tables, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv: WriteCsv(tables, output); break;
            case OutputFormat.Json: WriteJson(tables, output); break;
            default: WriteText(tables, output); break;
        }
        output.Flush();
    }

    /// <summary>Writes aligned columns: text left, numbers right; a heading per table when there are several.</summary>
    public static void WriteText(IReadOnlyList<Table> tables, TextWriter output)
    {
        for (int t = 0; t < tables.Count; t++)
        {
            Table table = tables[t];
            if (t > 0) output.WriteLine();
            if (tables.Count > 1)
            {
                output.WriteLine(table.Name);
                output.WriteLine(new string('=', table.Name.Length));
            }
            int columns = table.Columns.Count;
            var widths = new int[columns];
            var right = new bool[columns];
            var text = new List<string[]>();
            for (int c = 0; c < columns; c++) widths[c] = table.Columns[c].Length;
            foreach (Cell[] row in table.Rows)
            {
                var line = new string[columns];
                for (int c = 0; c < columns; c++)
                {
                    line[c] = FormatText(row[c]);
                    widths[c] = Math.Max(widths[c], line[c].Length);
                    if (IsNumeric(row[c].Kind)) right[c] = true;
                }
                text.Add(line);
            }
            var sb = new StringBuilder();
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) sb.Append("  ");
                sb.Append(right[c] ? table.Columns[c].PadLeft(widths[c]) : table.Columns[c].PadRight(widths[c]));
            }
            output.WriteLine(sb.ToString().TrimEnd());
            sb.Clear();
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) sb.Append("  ");
                sb.Append('-', widths[c]);
            }
            output.WriteLine(sb.ToString());
            foreach (string[] line in text)
            {
                sb.Clear();
                for (int c = 0; c < columns; c++)
                {
                    if (c > 0) sb.Append("  ");
                    sb.Append(right[c] ? line[c].PadLeft(widths[c]) : line[c].PadRight(widths[c]));
                }
                output.WriteLine(sb.ToString().TrimEnd());
            }
            if (text.Count == 0) output.WriteLine("(no rows)");
        }
    }

    private static bool IsNumeric(CellKind kind) => kind is CellKind.Integer or CellKind.Decimal or CellKind.Double;

    /// <summary>The text form of a cell: money with two decimals, doubles with up to four significant decimals.</summary>
    internal static string FormatText(Cell cell)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        switch (cell.Kind)
        {
            case CellKind.Decimal:
                return cell.Decimal.ToString("0.00", inv);
            case CellKind.Double:
                double d = cell.Double;
                if (double.IsNaN(d) || double.IsInfinity(d)) return d.ToString(inv);
                double a = Math.Abs(d);
                return a != 0 && (a < 1e-4 || a >= 1e9) ? d.ToString("0.####E+0", inv) : d.ToString("0.####", inv);
            default:
                return cell.ToInvariantString();
        }
    }

    /// <summary>Writes RFC 4180 CSV (CRLF line ends, quotes only where needed); several tables are separated by one empty line.</summary>
    public static void WriteCsv(IReadOnlyList<Table> tables, TextWriter output)
    {
        for (int t = 0; t < tables.Count; t++)
        {
            Table table = tables[t];
            if (t > 0) output.Write("\r\n");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) output.Write(',');
                WriteCsvField(table.Columns[c], output);
            }
            output.Write("\r\n");
            foreach (Cell[] row in table.Rows)
            {
                for (int c = 0; c < row.Length; c++)
                {
                    if (c > 0) output.Write(',');
                    WriteCsvField(row[c].ToInvariantString(), output);
                }
                output.Write("\r\n");
            }
        }
    }

    private static void WriteCsvField(string value, TextWriter output)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(value);
            return;
        }
        output.Write('"');
        output.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        output.Write('"');
    }

    /// <summary>Writes one JSON object: a property per table holding an array of row objects; decimals exact; NaN and infinities as strings.</summary>
    public static void WriteJson(IReadOnlyList<Table> tables, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            foreach (Table table in tables)
            {
                json.WritePropertyName(table.Name);
                json.WriteStartArray();
                foreach (Cell[] row in table.Rows)
                {
                    json.WriteStartObject();
                    for (int c = 0; c < row.Length; c++)
                    {
                        json.WritePropertyName(table.Columns[c]);
                        WriteJsonValue(json, row[c]);
                    }
                    json.WriteEndObject();
                    if (json.BytesPending + buffer.WrittenCount > 1 << 16)
                    {
                        json.Flush();
                        Drain(buffer, output);
                    }
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.Flush();
        }
        Drain(buffer, output);
        output.WriteLine();
    }

    private static void Drain(ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, Cell cell)
    {
        switch (cell.Kind)
        {
            case CellKind.Text: json.WriteStringValue(cell.Text); break;
            case CellKind.Integer: json.WriteNumberValue(cell.Integer); break;
            case CellKind.Decimal: json.WriteNumberValue(cell.Decimal); break;
            case CellKind.Double:
                double d = cell.Double;
                if (double.IsFinite(d)) json.WriteNumberValue(d);
                else json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case CellKind.Date: json.WriteStringValue(cell.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case CellKind.Boolean: json.WriteBooleanValue(cell.Integer != 0); break;
            default: json.WriteNullValue(); break;
        }
    }
}
