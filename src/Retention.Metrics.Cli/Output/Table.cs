using System.Globalization;

namespace Retention.Metrics.Cli.Output;

/// <summary>The type of a <see cref="Cell"/>.</summary>
internal enum CellKind
{
    /// <summary>No value (an empty CSV field, JSON <c>null</c>).</summary>
    Empty,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>An exact decimal (money).</summary>
    Decimal,

    /// <summary>A floating-point number (rates, model outputs); NaN and infinities allowed.</summary>
    Double,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>True or false.</summary>
    Boolean,
}

/// <summary>One typed value of a <see cref="Table"/> row.</summary>
internal readonly struct Cell
{
    private readonly string? _text;
    private readonly long _integer;
    private readonly decimal _decimal;
    private readonly double _double;

    private Cell(CellKind kind, string? text = null, long integer = 0, decimal @decimal = 0m, double @double = 0d)
    {
        Kind = kind;
        _text = text;
        _integer = integer;
        _decimal = @decimal;
        _double = @double;
    }

    /// <summary>The value's type.</summary>
    public CellKind Kind { get; }

    /// <summary>The text of a <see cref="CellKind.Text"/> cell.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>The value of an <see cref="CellKind.Integer"/> cell, or a date's day number, or 1/0 for a Boolean.</summary>
    public long Integer => _integer;

    /// <summary>The value of a <see cref="CellKind.Decimal"/> cell.</summary>
    public decimal Decimal => _decimal;

    /// <summary>The value of a <see cref="CellKind.Double"/> cell.</summary>
    public double Double => _double;

    /// <summary>The value of a <see cref="CellKind.Date"/> cell.</summary>
    public DateOnly Date => DateOnly.FromDayNumber((int)_integer);

    /// <summary>The empty cell.</summary>
    public static Cell Empty => default;

    public static implicit operator Cell(string? value) => value is null ? default : new Cell(CellKind.Text, text: value);

    public static implicit operator Cell(long value) => new(CellKind.Integer, integer: value);

    public static implicit operator Cell(int value) => new(CellKind.Integer, integer: value);

    public static implicit operator Cell(decimal value) => new(CellKind.Decimal, @decimal: value);

    public static implicit operator Cell(double value) => new(CellKind.Double, @double: value);

    public static implicit operator Cell(DateOnly value) => new(CellKind.Date, integer: value.DayNumber);

    public static implicit operator Cell(bool value) => new(CellKind.Boolean, integer: value ? 1 : 0);

    /// <summary>A nullable value: empty when <see langword="null"/>.</summary>
    public static Cell From(double? value) => value is { } v ? v : Empty;

    /// <summary>A nullable value: empty when <see langword="null"/>.</summary>
    public static Cell From(decimal? value) => value is { } v ? v : Empty;

    /// <summary>The invariant, round-trippable text of the value (CSV form).</summary>
    public string ToInvariantString() => Kind switch
    {
        CellKind.Text => Text,
        CellKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        CellKind.Decimal => _decimal.ToString(CultureInfo.InvariantCulture),
        CellKind.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CellKind.Boolean => _integer != 0 ? "true" : "false",
        _ => string.Empty,
    };
}

/// <summary>A named table of typed cells: what every command produces, rendered by <see cref="TableWriter"/>.</summary>
/// <remarks>A table either holds its rows (<see cref="Add"/>) or streams them from a source (<see cref="Streamed"/>), so that a
/// row per customer is formatted as it is written instead of being held as cells: CSV and JSON write each row as it comes;
/// only text, which aligns columns, keeps the formatted strings.</remarks>
internal sealed class Table
{
    private readonly List<Cell[]>? _rows;
    private readonly IEnumerable<Cell[]>? _source;

    /// <summary>Creates an empty table with the given camelCase column names.</summary>
    public Table(string name, params string[] columns)
    {
        Name = name;
        Columns = columns;
        _rows = [];
    }

    private Table(string name, string[] columns, IEnumerable<Cell[]> source)
    {
        Name = name;
        Columns = columns;
        _source = source;
    }

    /// <summary>The table's name (a JSON property, a heading in text).</summary>
    public string Name { get; }

    /// <summary>The column names, camelCase.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, in order; a streamed table may reuse one array for every row, so consume each before the next.</summary>
    public IEnumerable<Cell[]> Rows => _rows ?? _source!;

    /// <summary>A table whose rows come from <paramref name="rows"/> when written (enumerated once per write).</summary>
    public static Table Streamed(string name, string[] columns, IEnumerable<Cell[]> rows) => new(name, columns, rows);

    /// <summary>Adds a row; it must have one cell per column.</summary>
    public Table Add(params Cell[] row)
    {
        if (_rows is null) throw new InvalidOperationException($"Table '{Name}' is streamed; rows cannot be added.");
        if (row.Length != Columns.Count)
            throw new InvalidOperationException($"Table '{Name}' has {Columns.Count} columns; a row had {row.Length} cells.");
        _rows.Add(row);
        return this;
    }
}
