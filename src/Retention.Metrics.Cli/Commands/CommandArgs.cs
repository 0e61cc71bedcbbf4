using System.Globalization;

namespace Retention.Metrics.Cli.Commands;

/// <summary>A usage error: an unknown option, a missing or malformed option value. Exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The parsed options of one command: <c>--name value</c> (or <c>--name=value</c>) and flags.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/> against the options a command accepts.</summary>
    /// <exception cref="UsageException">An argument is not an accepted option, or a value is missing.</exception>
    public static CommandArgs Parse(ReadOnlySpan<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        var parsed = new CommandArgs();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unexpected argument '{arg}'");
            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            if (flags.Contains(name))
            {
                if (value is not null) throw new UsageException($"{name} takes no value");
                parsed._flags.Add(name);
                continue;
            }
            if (!valueOptions.Contains(name)) throw new UsageException($"unknown option '{name}'");
            if (value is null)
            {
                if (i + 1 >= args.Length) throw new UsageException($"{name} needs a value");
                value = args[++i];
            }
            if (!parsed._values.TryAdd(name, value)) throw new UsageException($"{name} is given twice");
        }
        return parsed;
    }

    /// <summary>Whether the flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>Whether the value option was given.</summary>
    public bool IsSet(string name) => _values.ContainsKey(name);

    /// <summary>The option's value, or <see langword="null"/>.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>The option's value, or a usage error naming it.</summary>
    public string Require(string name, string what) =>
        Get(name) ?? throw new UsageException($"{name} <{what}> is required");

    /// <summary>An integer option in <c>[min, max]</c>.</summary>
    public int GetInt(string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        string? text = Get(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
            throw new UsageException(max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a whole number of {min} or more")
                : string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a whole number in {min}..{max}"));
        return value;
    }

    /// <summary>A number option in <c>[min, max]</c>.</summary>
    public double GetDouble(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        string? text = Get(name);
        if (text is null) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < min || value > max)
            throw new UsageException($"{name} '{text}' is not a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return value;
    }

    /// <summary>A money option (zero or greater).</summary>
    public decimal GetDecimal(string name, decimal fallback)
    {
        string? text = Get(name);
        if (text is null) return fallback;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value) || value < 0m)
            throw new UsageException($"{name} '{text}' is not an amount of zero or greater");
        return value;
    }

    /// <summary>A date option in the form yyyy-MM-dd.</summary>
    public DateOnly? GetDate(string name)
    {
        string? text = Get(name);
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            throw new UsageException($"{name} '{text}' is not a date in the form yyyy-MM-dd");
        return date;
    }

    /// <summary>One of named choices (case-insensitive).</summary>
    public T GetChoice<T>(string name, T fallback, params (string Name, T Value)[] choices)
    {
        string? text = Get(name);
        if (text is null) return fallback;
        foreach (var (choice, value) in choices)
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase)) return value;
        var names = new string[choices.Length];
        for (int i = 0; i < choices.Length; i++) names[i] = choices[i].Name;
        throw new UsageException($"{name} '{text}' is not one of {string.Join(", ", names)}");
    }

    /// <summary>A comma-separated list of numbers.</summary>
    public long[]? GetLongList(string name, long min = 0)
    {
        string? text = Get(name);
        if (text is null) return null;
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < min)
                throw new UsageException($"{name}: item {i + 1} '{parts[i]}' is not a whole number of {min} or more");
        if (values.Length == 0) throw new UsageException($"{name} is empty");
        return values;
    }

    /// <summary>A period unit: day, week, month, quarter, year.</summary>
    public PeriodUnit GetUnit(string name, PeriodUnit fallback) => GetChoice(name, fallback,
        ("day", PeriodUnit.Day), ("week", PeriodUnit.Week), ("month", PeriodUnit.Month), ("quarter", PeriodUnit.Quarter), ("year", PeriodUnit.Year));
}
