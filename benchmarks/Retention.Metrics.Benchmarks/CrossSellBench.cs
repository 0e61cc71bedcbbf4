using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Retention.Metrics.Benchmarks.Infrastructure;

namespace Retention.Metrics.Benchmarks;

/// <summary>Cross-sell metrics over the sample shop's order lines (<see cref="ShopLines"/>: 1–3 lines per purchase, a Zipf-like
/// catalogue of 2,000 products), each beside a LINQ baseline, DuckDB SQL and the bandwidth floor.</summary>
/// <remarks>The window is the last year of the sample, both ends inclusive, as the library's windows are. One category per metric,
/// each with its own LINQ baseline. Every variant is checked against the library in <c>[GlobalSetup]</c>.</remarks>
[BenchConfig]
[BenchmarkCategory("CrossSell")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[MemoryDiagnoser]
public class CrossSellBench : ShopBench
{
    private const int MaxProducts = 10;
    private const int TopCount = 20;

    private static DateOnly To => ShopData.AsOf;

    private static DateOnly From => To.AddYears(-1).AddDays(1);

    [GlobalSetup]
    public void Setup()
    {
        LoadShop();
        LoadLines();
    }

    // Each baseline and SQL case checks its answer against the library before it is measured: a fast wrong answer is worthless.
    [GlobalSetup(Targets = [nameof(DistinctProductsLinq), nameof(TopPairsLinq)])]
    public void SetupLinq()
    {
        Setup();
        Check("DistinctProducts LINQ", DistinctProducts().CustomersByProducts, DistinctProductsLinq());
        Check("TopPairs LINQ", TopPairs(), TopPairsLinq());
    }

    [GlobalSetup(Targets = [nameof(DistinctProductsSql), nameof(TopPairsSql)])]
    public void SetupSql()
    {
        Setup();
        LoadDuckLines();
        Check("DistinctProducts SQL", DistinctProducts().CustomersByProducts, DistinctProductsSql());
        Check("TopPairs SQL", TopPairs(), TopPairsSql());
    }

    // ---- 2品・3品購入者比率: customers by distinct products bought in the window ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("DistinctProducts")]
    public long[] DistinctProductsLinq()
    {
        var counts = new long[MaxProducts + 1];
        foreach (int products in Lines.Where(l => l.Date >= From && l.Date <= To).GroupBy(l => l.Customer)
            .Select(g => g.Select(l => l.Product).Distinct().Count()))
        {
            counts[Math.Min(products, MaxProducts)]++;
        }
        return counts;
    }

    [Benchmark(Description = "CrossSell.DistinctProducts"), BenchmarkCategory("DistinctProducts")]
    public ProductBreadth DistinctProducts() => CrossSell.DistinctProducts(OrderLines, From, To, MaxProducts);

    [Benchmark(Description = "CrossSell.DistinctProducts, 2 threads"), BenchmarkCategory("DistinctProducts")]
    public ProductBreadth DistinctProductsParallel() => CrossSell.DistinctProducts(OrderLines, From, To, MaxProducts, degreeOfParallelism: 2);

    // The two-thread result must equal the one-thread result.
    [GlobalSetup(Target = nameof(DistinctProductsParallel))]
    public void SetupParallel()
    {
        Setup();
        if (!DistinctProducts().CustomersByProducts.SequenceEqual(DistinctProductsParallel().CustomersByProducts))
            throw new InvalidOperationException("DistinctProducts on 2 threads disagrees with one thread.");
    }

    // Index 0 (customers with no product) is always 0, as in the library's result.
    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("DistinctProducts")]
    public long[] DistinctProductsSql() => Longs(Duck!.QueryRow(string.Create(CultureInfo.InvariantCulture, $"""
        SELECT 0, {string.Join(", ", Enumerable.Range(1, MaxProducts).Select(k => k < MaxProducts ? $"count(*) FILTER (WHERE d = {k})" : $"count(*) FILTER (WHERE d >= {k})"))}
        FROM (SELECT customer, count(DISTINCT product) AS d FROM lines
              WHERE day BETWEEN DATE '{From:yyyy-MM-dd}' AND DATE '{To:yyyy-MM-dd}' GROUP BY customer)
        """)));

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("DistinctProducts")]
    public long DistinctProductsFloor() => Floor();

    // ---- 併買: top 20 product pairs bought by the same customer in the window ----

    [Benchmark(Baseline = true, Description = "LINQ GroupBy"), BenchmarkCategory("TopPairs")]
    public ProductPair[] TopPairsLinq()
    {
        var baskets = Lines.Where(l => l.Date >= From && l.Date <= To).GroupBy(l => l.Customer)
            .Select(g => g.Select(l => l.Product).Distinct().Order().ToArray())
            .ToList();
        long transactions = baskets.Count;
        var productCounts = baskets.SelectMany(b => b).GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        return [.. baskets.SelectMany(b => b.SelectMany((a, i) => b.Skip(i + 1).Select(c => (A: a, B: c))))
            .GroupBy(pair => pair)
            .Select(g => (g.Key.A, g.Key.B, Both: (long)g.Count()))
            .OrderByDescending(p => p.Both).ThenBy(p => p.A).ThenBy(p => p.B)
            .Take(TopCount)
            .Select(p => new ProductPair(p.A, p.B, productCounts[p.A], productCounts[p.B], p.Both, transactions))];
    }

    [Benchmark(Description = "CrossSell.TopPairs (customer)"), BenchmarkCategory("TopPairs")]
    public ProductPairs TopPairs() => CrossSell.TopPairs(OrderLines, From, To, TopCount);

    // Support is N(A∩B) / N with one N, so ordering by support is ordering by N(A∩B); ties go by product indexes ascending, as the library documents.
    [Benchmark(Description = "DuckDB SQL"), BenchmarkCategory("TopPairs")]
    public PairRow[] TopPairsSql() => [.. Duck!.QueryRows(string.Create(CultureInfo.InvariantCulture, $"""
        WITH t AS (SELECT DISTINCT customer, product FROM lines WHERE day BETWEEN DATE '{From:yyyy-MM-dd}' AND DATE '{To:yyyy-MM-dd}'),
        n AS (SELECT count(DISTINCT customer) AS n FROM t),
        c AS (SELECT product, count(*) AS k FROM t GROUP BY product),
        p AS (SELECT a.product AS pa, b.product AS pb, count(*) AS n_ab
              FROM t a JOIN t b ON a.customer = b.customer AND a.product < b.product
              GROUP BY a.product, b.product)
        SELECT p.pa, p.pb, ca.k, cb.k, p.n_ab, n.n,
               p.n_ab::DOUBLE / n.n AS support,
               p.n_ab::DOUBLE / ca.k AS confidence,
               p.n_ab::DOUBLE * n.n / (ca.k::DOUBLE * cb.k) AS lift
        FROM p JOIN c ca ON ca.product = p.pa JOIN c cb ON cb.product = p.pb CROSS JOIN n
        ORDER BY support DESC, p.pa, p.pb
        LIMIT {TopCount}
        """)).Select(PairRow.From)];

    [Benchmark(Description = "Floor: sum columns"), BenchmarkCategory("TopPairs")]
    public long TopPairsFloor() => Floor();

    private long Floor() => BandwidthFloor.SumColumns(OrderLines);

    private static long[] Longs(object[] row) => [.. row.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))];

    private static void Check(string variant, ReadOnlySpan<long> expected, long[] actual)
    {
        if (!actual.AsSpan().SequenceEqual(expected))
            throw new InvalidOperationException($"{variant} disagrees: expected [{string.Join(", ", expected.ToArray())}], got [{string.Join(", ", actual)}].");
    }

    private static void Check(string variant, ProductPairs expected, ProductPair[] actual)
    {
        if (expected.Pairs.Count != TopCount)
            throw new InvalidOperationException($"{variant}: the library found {expected.Pairs.Count} pairs, fewer than {TopCount}; the check needs a full list.");
        if (actual.Length != expected.Pairs.Count)
            throw new InvalidOperationException($"{variant} disagrees: expected {expected.Pairs.Count} pairs, got {actual.Length}.");
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] != expected.Pairs[i])
                throw new InvalidOperationException($"{variant} disagrees at rank {i + 1}: expected {expected.Pairs[i]}, got {actual[i]}.");
        }
    }

    private static void Check(string variant, ProductPairs expected, PairRow[] actual)
    {
        Check(variant, expected, [.. actual.Select(r => r.Pair)]);
        for (int i = 0; i < actual.Length; i++)
        {
            ProductPair pair = expected.Pairs[i];
            PairRow row = actual[i];
            if (!Close(row.Support, pair.Support.Value) || !Close(row.Confidence, pair.ConfidenceAToB.Value) || !Close(row.Lift, pair.Lift))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{variant} disagrees at rank {i + 1}: expected support {pair.Support.Value:R}, confidence {pair.ConfidenceAToB.Value:R}, lift {pair.Lift:R}, got {row}."));
            }
        }
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1d, Math.Max(Math.Abs(a), Math.Abs(b)));
}

/// <summary>One row of the pair query: the pair's counts and the support, confidence (A ⇒ B) and lift DuckDB computed from them.</summary>
public readonly record struct PairRow(ProductPair Pair, double Support, double Confidence, double Lift)
{
    public static PairRow From(object[] row)
    {
        long L(int i) => Convert.ToInt64(row[i], CultureInfo.InvariantCulture);
        double D(int i) => Convert.ToDouble(row[i], CultureInfo.InvariantCulture);
        return new PairRow(new ProductPair((int)L(0), (int)L(1), L(2), L(3), L(4), L(5)), D(6), D(7), D(8));
    }
}
