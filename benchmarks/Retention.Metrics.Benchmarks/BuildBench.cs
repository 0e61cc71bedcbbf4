using BenchmarkDotNet.Attributes;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Build a per-customer, date-sorted history from purchases in export (date) order.</summary>
[BenchConfig]
[BenchmarkCategory("Build")]
[MemoryDiagnoser]
public class BuildBench
{
    private Purchase[] _purchases = [];
    private int[] _customers = [];
    private int[] _days = [];
    private decimal[] _amounts = [];

    [ParamsSource(nameof(SizeValues))]
    public int N { get; set; }

    public static IEnumerable<int> SizeValues => Sizes.All;

    [GlobalSetup]
    public void Setup() => _purchases = ShopData.Purchases(N);

    [GlobalSetup(Target = nameof(CreateParallel))]
    public void SetupParallel()
    {
        Setup();
        CheckSame(Create(), CreateParallel(), "The two-thread build differs from the one-thread build.");
    }

    [GlobalSetup(Target = nameof(Builder))]
    public void SetupBuilder()
    {
        Setup();
        CheckSame(Create(), Builder(), "The builder's history differs from PurchaseHistory.Create's.");
    }

    private static void CheckSame(PurchaseHistory expected, PurchaseHistory actual, string message)
    {
        if (!expected.DayNumbers.SequenceEqual(actual.DayNumbers) || !expected.AmountUnits.SequenceEqual(actual.AmountUnits)
            || !expected.CustomerStarts.SequenceEqual(actual.CustomerStarts))
        {
            throw new InvalidOperationException(message);
        }
    }

    [GlobalSetup(Target = nameof(Floor))]
    public void SetupFloor()
    {
        Setup();
        _customers = new int[N];
        _days = new int[N];
        _amounts = new decimal[N];
        Floor();
    }

    /// <summary>Group by customer, sort each group by date (and amount, as the history does) into lists.</summary>
    [Benchmark(Baseline = true, Description = "LINQ GroupBy+OrderBy")]
    public int Linq()
    {
        Dictionary<int, List<Purchase>> byCustomer = _purchases
            .GroupBy(p => p.Customer)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Date).ThenBy(p => p.Amount).ToList());
        return byCustomer.Count;
    }

    [Benchmark(Description = "PurchaseHistory.Create")]
    public PurchaseHistory Create() => PurchaseHistory.Create(_purchases);

    [Benchmark(Description = "PurchaseHistory.Create, 2 threads")]
    public PurchaseHistory CreateParallel() => PurchaseHistory.Create(_purchases, s_twoThreads);

    private static readonly PurchaseHistoryOptions s_twoThreads = new() { DegreeOfParallelism = 2 };

    /// <summary>The same purchases added to a builder in chunks of 65,536, as a reader streaming a file does (a staging copy of
    /// 16 bytes per purchase, then a counting sort).</summary>
    [Benchmark(Description = "PurchaseHistoryBuilder, 64K chunks")]
    public PurchaseHistory Builder()
    {
        var builder = new PurchaseHistoryBuilder();
        ReadOnlySpan<Purchase> all = _purchases;
        for (int at = 0; at < all.Length; at += 1 << 16) builder.Add(all.Slice(at, Math.Min(1 << 16, all.Length - at)));
        return builder.Build();
    }

    /// <summary>Open an in-memory database, append the purchases, and sort them into a new table.</summary>
    [Benchmark(Description = "DuckDB load+sort")]
    public long DuckDb()
    {
        using DuckDbShop shop = DuckDbShop.Load(_purchases);
        shop.Execute("CREATE TABLE sorted AS SELECT customer, day, amount FROM purchases ORDER BY customer, day, amount");
        return Convert.ToInt64(shop.QueryRow("SELECT count(*) FROM sorted")[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The floor: copy the three columns once into preallocated arrays (no sort, no validation).</summary>
    [Benchmark(Description = "Floor: copy columns")]
    public int Floor()
    {
        Purchase[] purchases = _purchases;
        int[] customers = _customers, days = _days;
        decimal[] amounts = _amounts;
        for (int i = 0; i < purchases.Length; i++)
        {
            ref readonly Purchase p = ref purchases[i];
            customers[i] = p.Customer;
            days[i] = p.Date.DayNumber;
            amounts[i] = p.Amount;
        }
        return purchases.Length;
    }
}
