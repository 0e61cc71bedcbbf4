using System.Globalization;
using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;
using Retention.Metrics.Cli.Commands;
using Retention.Metrics.Cli.Csv;

namespace Retention.Metrics.Benchmarks;

/// <summary>
/// The speed race of issue 9: <c>retention summary</c> over an orders CSV (stream, parse, intern keys, build the history,
/// one summary per customer) against DuckDB reading and aggregating the same file (<c>read_csv</c> + GROUP BY,
/// <c>SET threads = 2</c>), with reading the file's bytes as the floor.
/// </summary>
/// <remarks>
/// <para>GlobalSetup writes the sample shop of <c>N</c> purchases (seed 42; <c>customer,date,amount</c>, as <c>retention
/// sample</c> writes it; about 24 bytes a row, so 10M rows ≈ 237 MB) to a temporary file, reads it once through every
/// variant (so the page cache is warm for all of them) and checks that all agree on the totals.</para>
/// <para>DuckDB reads the customer column as VARCHAR, as the CLI does (a shop's keys are text), and also with its own type
/// detection for the key and date (it then sees integer keys, which only a synthetic file has); amounts are DECIMAL(18,2) in both.</para>
/// </remarks>
[BenchConfig]
[BenchmarkCategory("CliSummary")]
[MemoryDiagnoser]
public class CliSummaryBench
{
    private string _path = string.Empty;
    private DuckDbShop? _duck;
    private ShopTotals _expected;

    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"retention-cli-bench-{N}-{Environment.ProcessId}.csv"));
        using (var writer = new StreamWriter(_path, append: false, new System.Text.UTF8Encoding(false), 1 << 20))
            SampleCommand.WriteCsv(ShopData.Purchases(N), writer);
        _expected = ShopTotals.From(Summaries.Totals(ShopData.History(N), ShopData.AsOf));
        _duck = DuckDbShop.Open();
        ShopTotals.AssertEqual(_expected, ShopTotals.From(Summaries.Totals(Cli())), nameof(Cli));
        ShopTotals.AssertEqual(_expected, DuckDbCsv(), nameof(DuckDbCsv));
        ShopTotals.AssertEqual(_expected, DuckDbCsvAutoDetect(), nameof(DuckDbCsvAutoDetect));
        if (Floor() != new FileInfo(_path).Length) throw new InvalidOperationException("Floor read too few bytes.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duck?.Dispose();
        if (_path.Length > 0) File.Delete(_path);
    }

    /// <summary>What <c>retention summary --orders file</c> computes before writing: stream the CSV into a history, then one summary per customer.</summary>
    [Benchmark(Baseline = true, Description = "retention summary (read+build+summaries)")]
    public CustomerSummary[] Cli()
    {
        var builder = new PurchaseHistoryBuilder();
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        new OrdersCsvReader(new CsvFormat(), Path.GetFileName(_path)).Read(stream, builder);
        PurchaseHistory history = builder.Build();
        return Summaries.Compute(history, ShopData.AsOf);
    }

    [Benchmark(Description = "DuckDB read_csv + GROUP BY (VARCHAR keys)")]
    public ShopTotals DuckDbCsv() => Query("columns = {'customer': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)'}");

    [Benchmark(Description = "DuckDB read_csv + GROUP BY (detected key type)")]
    public ShopTotals DuckDbCsvAutoDetect() => Query("types = {'amount': 'DECIMAL(18,2)'}");

    /// <summary>The floor: read the file's bytes once.</summary>
    [Benchmark(Description = "Floor: read the file")]
    public long Floor()
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) total += read;
            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The per-customer summary SQL of <see cref="SummaryVariants.Sql"/> over <c>read_csv</c> of the file instead of a table.</summary>
    private ShopTotals Query(string csvOptions)
    {
        string source = string.Create(CultureInfo.InvariantCulture,
            $"(SELECT customer, \"date\" AS day, amount FROM read_csv('{_path.Replace("'", "''", StringComparison.Ordinal)}', header = true, {csvOptions})) AS purchases");
        string sql = SummaryVariants.Sql(ShopData.AsOf).Replace("FROM purchases", "FROM " + source, StringComparison.Ordinal);
        return ShopTotals.From(_duck!.QueryRow(sql));
    }
}
