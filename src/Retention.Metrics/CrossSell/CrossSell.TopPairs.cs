using System.Buffers;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

public static partial class CrossSell
{
    /// <summary>Finds the product pairs bought together most often, with support, confidence and lift (併買率, アソシエーション).</summary>
    /// <param name="lines">The order lines.</param>
    /// <param name="from">The first day of the window, inclusive.</param>
    /// <param name="to">The last day of the window, inclusive; it is the observation end.</param>
    /// <param name="count">How many pairs to return (k), 1 or greater.</param>
    /// <param name="level">Whether "together" means the same customer (default) or the same basket.</param>
    /// <param name="minProductCount">Products in fewer transactions (customers or baskets) than this are left out of pairs, 1 or greater: a pair is
    /// never more frequent than its rarer product, so this prunes pairs that cannot matter and bounds the work on large catalogues.</param>
    /// <returns>The pairs, by co-occurrence count descending, then by product indexes ascending; no pairs for empty lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> precedes the first line or <paramref name="from"/>; <paramref name="count"/> or
    /// <paramref name="minProductCount"/> is less than 1; <paramref name="level"/> is not defined.</exception>
    /// <remarks>
    /// <para>With N transactions (customers or baskets with a line in the window): <c>support = N(A∩B) / N</c>, <c>confidence(A⇒B) = N(A∩B) / N(A)</c>,
    /// <c>lift = confidence(A⇒B) / (N(B) / N)</c>. A product bought several times in one transaction counts once.</para>
    /// <para>Cost, stated honestly: a first pass counts products (O(lines)); a second pass enumerates the pairs of each transaction's distinct kept products,
    /// O(Σ m²) for m products per transaction. When the kept products' pairs number at most 4,194,304 (up to 2,896 products), they are
    /// counted in a dense triangle of 4-byte counters (at most 16 MB, rented and returned); otherwise in a hash map keyed by <c>(A &lt;&lt; 32) | B</c>
    /// (bits mixed, so that pairs spread over the map), whose memory is O(distinct co-occurring pairs) — never the O(products²) of all
    /// catalogue pairs, but it grows with very broad customers; raise <paramref name="minProductCount"/> or use
    /// <see cref="CoPurchaseLevel.Basket"/> to bound it. The top k are kept in a heap of size k (O(pairs · log k)). Pair counts over disjoint customer sets add
    /// up, but a top-k list does not combine.</para>
    /// </remarks>
    public static ProductPairs TopPairs(OrderLines lines, DateOnly from, DateOnly to, int count, CoPurchaseLevel level = CoPurchaseLevel.Customer,
        int minProductCount = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        lines.ValidateAsOf(to, nameof(to));
        if (from > to) ThrowHelper.ThrowOutOfRange(nameof(from), from, $"it must be on or before to ({to:yyyy-MM-dd}).");
        if (count < 1) ThrowHelper.ThrowOutOfRange(nameof(count), count, "it must be 1 or greater.");
        if (minProductCount < 1) ThrowHelper.ThrowOutOfRange(nameof(minProductCount), minProductCount, "it must be 1 or greater.");
        if ((uint)level > (uint)CoPurchaseLevel.Basket) ThrowHelper.ThrowOutOfRange(nameof(level), level, "it must be Customer or Basket.");
        if (lines.IsEmpty) return new ProductPairs(level, 0, []);

        int productCount = lines.ProductCount;
        int[] stamp = ArrayPool<int>.Shared.Rent(productCount);
        long[] productCounts = ArrayPool<long>.Shared.Rent(productCount);
        int[] basket = ArrayPool<int>.Shared.Rent(productCount);
        try
        {
            stamp.AsSpan(0, productCount).Clear();
            productCounts.AsSpan(0, productCount).Clear();
            var walker = new TransactionWalker(lines, from.DayNumber, to.DayNumber, level == CoPurchaseLevel.Basket);
            long transactions = 0;
            int mark = 0;
            // Pass 1: transactions and per-product transaction counts.
            while (walker.Next(out int start, out int end))
            {
                mark++;
                int m = CollectDistinct(lines.ProductArray, start, end, stamp, mark, basket, productCounts, minCount: 0);
                if (m == 0) continue;
                transactions++;
                for (int j = 0; j < m; j++) productCounts[basket[j]]++;
            }

            // Pass 2: pair counts among products that pass the threshold: in a dense triangle when all their pairs fit the
            // budget (no hashing, a few MB), in a hash map of the pairs that occur otherwise.
            int kept = 0;
            for (int p = 0; p < productCount; p++) if (productCounts[p] >= minProductCount && productCounts[p] > 0) kept++;
            PriorityQueue<long, (long Count, long NegKey)> heap = (long)kept * (kept - 1) / 2 <= DensePairBudget
                ? TopPairsDense(lines, from, to, level, count, minProductCount, productCounts, kept, stamp, basket)
                : TopPairsHashed(lines, from, to, level, count, minProductCount, productCounts, stamp, basket);
            var result = new ProductPair[heap.Count];
            for (int i = result.Length - 1; i >= 0; i--)
            {
                heap.TryDequeue(out long key, out var priority);
                int a = (int)(key >> 32), b = (int)(key & 0xFFFF_FFFF);
                result[i] = new ProductPair(a, b, productCounts[a], productCounts[b], priority.Count, transactions);
            }
            return new ProductPairs(level, transactions, result);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stamp);
            ArrayPool<long>.Shared.Return(productCounts);
            ArrayPool<int>.Shared.Return(basket);
        }
    }

    /// <summary>The most pairs counted in a dense triangle (16 MB of counters): a catalogue of up to 2,896 kept products.</summary>
    internal const long DensePairBudget = 1 << 22;

    /// <summary>Counts the pairs of every transaction in a triangle over the kept products and keeps the top k.</summary>
    private static PriorityQueue<long, (long Count, long NegKey)> TopPairsDense(OrderLines lines, DateOnly from, DateOnly to, CoPurchaseLevel level,
        int count, int minProductCount, long[] productCounts, int kept, int[] stamp, int[] basket)
    {
        int productCount = lines.ProductCount;
        // Kept products renumbered 0..kept−1 in product order; row a of the triangle holds the pairs (a, b), b > a, and pair
        // (a, b) is at rowBase[a] + b.
        int[] rank = ArrayPool<int>.Shared.Rent(productCount);
        int[] product = ArrayPool<int>.Shared.Rent(Math.Max(1, kept));
        int[] rowBase = ArrayPool<int>.Shared.Rent(Math.Max(1, kept));
        int cells = (int)((long)kept * (kept - 1) / 2);
        int[] triangle = ArrayPool<int>.Shared.Rent(Math.Max(1, cells));
        try
        {
            int r = 0;
            for (int p = 0; p < productCount; p++)
            {
                bool keep = productCounts[p] >= minProductCount && productCounts[p] > 0;
                rank[p] = keep ? r : -1;
                if (keep) product[r++] = p;
            }
            for (int a = 0, start = 0; a < kept; a++)
            {
                rowBase[a] = start - a - 1;
                start += kept - a - 1;
            }
            triangle.AsSpan(0, cells).Clear();
            var counter = new TriangleCounter(rank, rowBase, triangle);
            CountPairs(lines, from, to, level, minProductCount, productCounts, stamp, basket, ref counter);
            var heap = new PriorityQueue<long, (long Count, long NegKey)>(Math.Min(count, Math.Max(1, cells)));
            for (int a = 0; a < kept - 1; a++)
            {
                int offset = rowBase[a];
                long high = (long)product[a] << 32;
                for (int b = a + 1; b < kept; b++)
                {
                    int together = triangle[offset + b];
                    if (together != 0) Offer(heap, count, high | (uint)product[b], together);
                }
            }
            return heap;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rank);
            ArrayPool<int>.Shared.Return(product);
            ArrayPool<int>.Shared.Return(rowBase);
            ArrayPool<int>.Shared.Return(triangle);
        }
    }

    /// <summary>Counts the pairs of every transaction in a hash map of the pairs that occur and keeps the top k.</summary>
    private static PriorityQueue<long, (long Count, long NegKey)> TopPairsHashed(OrderLines lines, DateOnly from, DateOnly to, CoPurchaseLevel level,
        int count, int minProductCount, long[] productCounts, int[] stamp, int[] basket)
    {
        var pairs = new Dictionary<long, long>();
        var counter = new MapCounter(pairs);
        CountPairs(lines, from, to, level, minProductCount, productCounts, stamp, basket, ref counter);
        var heap = new PriorityQueue<long, (long Count, long NegKey)>(Math.Min(count, Math.Max(1, pairs.Count)));
        foreach (KeyValuePair<long, long> pair in pairs) Offer(heap, count, UnmixPair(pair.Key), pair.Value);
        return heap;
    }

    /// <summary>Counts the pairs of kept products bought together in a transaction, one row at a time.</summary>
    /// <remarks>Implemented on structs: <see cref="CountPairs"/> is generic over the counter, so the calls are inlined.</remarks>
    private interface IPairCounter
    {
        /// <summary>Turns a transaction's kept products into the keys the counter works on, in place; the order of products is kept.</summary>
        void Map(Span<int> products);

        /// <summary>Counts the pairs (<paramref name="first"/>, b) for every b in <paramref name="later"/> (all greater than <paramref name="first"/>).</summary>
        void AddRow(int first, ReadOnlySpan<int> later);
    }

    /// <summary>Walks the transactions once and gives each one's distinct kept products, sorted, to the counter row by row.</summary>
    private static void CountPairs<TCounter>(OrderLines lines, DateOnly from, DateOnly to, CoPurchaseLevel level, int minProductCount,
        long[] productCounts, int[] stamp, int[] basket, ref TCounter counter)
        where TCounter : struct, IPairCounter
    {
        var walker = new TransactionWalker(lines, from.DayNumber, to.DayNumber, level == CoPurchaseLevel.Basket);
        stamp.AsSpan(0, lines.ProductCount).Clear();
        int mark = 0;
        while (walker.Next(out int start, out int end))
        {
            mark++;
            int m = CollectDistinct(lines.ProductArray, start, end, stamp, mark, basket, productCounts, minProductCount);
            if (m < 2) continue;
            Span<int> kept = basket.AsSpan(0, m);
            counter.Map(kept);
            kept.Sort();
            for (int a = 0; a < m - 1; a++) counter.AddRow(kept[a], kept[(a + 1)..]);
        }
    }

    /// <summary>Counts pairs in a dense triangle over the kept products' ranks: pair (a, b) of ranks is at <c>rowBase[a] + b</c>.</summary>
    private readonly struct TriangleCounter(int[] rank, int[] rowBase, int[] triangle) : IPairCounter
    {
        public void Map(Span<int> products)
        {
            for (int j = 0; j < products.Length; j++) products[j] = rank[products[j]];
        }

        public void AddRow(int first, ReadOnlySpan<int> later)
        {
            int offset = rowBase[first];
            foreach (int b in later) triangle[offset + b]++;
        }
    }

    /// <summary>Counts pairs in a hash map keyed by the mixed pair key (<see cref="MixPair"/>).</summary>
    private readonly struct MapCounter(Dictionary<long, long> pairs) : IPairCounter
    {
        public void Map(Span<int> products)
        {
        }

        public void AddRow(int first, ReadOnlySpan<int> later)
        {
            ulong high = (ulong)first << 32;
            foreach (int b in later) CollectionsMarshal.GetValueRefOrAddDefault(pairs, MixPair(high | (uint)b), out _)++;
        }
    }

    /// <summary>Keeps a pair if it is among the top k by count, then by key ascending: the heap's root is the worst kept pair.</summary>
    private static void Offer(PriorityQueue<long, (long Count, long NegKey)> heap, int count, long key, long together)
    {
        var priority = (together, -key);
        if (heap.Count < count) heap.Enqueue(key, priority);
        else if (heap.TryPeek(out _, out var worst) && priority.CompareTo(worst) > 0) heap.DequeueEnqueue(key, priority);
    }

    /// <summary>An odd multiplier (2^64 / golden ratio): multiplying by it mod 2^64 is a bijection that spreads a pair key
    /// <c>(A &lt;&lt; 32) | B</c> over all 64 bits. The map hashes a long as its low half XOR its high half, which for the raw key
    /// is <c>A ^ B</c>: a catalogue of 2,000 products would put 2 million pairs on 2,048 hash codes.</summary>
    private const ulong PairMultiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>The inverse of <see cref="PairMultiplier"/> mod 2^64.</summary>
    private static readonly ulong s_pairInverse = InverseMod64(PairMultiplier);

    /// <summary>Gets the map key of the pair key <c>(A &lt;&lt; 32) | B</c>.</summary>
    internal static long MixPair(ulong key) => unchecked((long)(key * PairMultiplier));

    /// <summary>Gets the pair key <c>(A &lt;&lt; 32) | B</c> back from a map key.</summary>
    internal static long UnmixPair(long mixed) => unchecked((long)((ulong)mixed * s_pairInverse));

    /// <summary>The inverse of an odd number mod 2^64, by Newton's iteration (each step doubles the correct low bits).</summary>
    private static ulong InverseMod64(ulong odd)
    {
        ulong inverse = odd; // correct in the low 3 bits for any odd number
        for (int i = 0; i < 5; i++) inverse = unchecked(inverse * (2 - odd * inverse));
        return inverse;
    }

    /// <summary>Writes the distinct products of lines [start, end) with a count of at least <paramref name="minCount"/> into <paramref name="basket"/>.</summary>
    private static int CollectDistinct(int[] products, int start, int end, int[] stamp, int mark, int[] basket, long[] productCounts, int minCount)
    {
        int m = 0;
        for (int i = start; i < end; i++)
        {
            int p = products[i];
            if (stamp[p] == mark) continue;
            stamp[p] = mark;
            if (productCounts[p] < minCount) continue;
            basket[m++] = p;
        }
        return m;
    }

    /// <summary>Walks the transactions (customers, or customer-days) of the lines within a day window, as ranges of line positions.</summary>
    private struct TransactionWalker(OrderLines lines, int fromDay, int toDay, bool byBasket)
    {
        private readonly int[] _starts = lines.StartArray;
        private readonly int[] _days = lines.DayArray;
        private readonly int _customers = lines.CustomerCount;
        private int _customer = -1;
        private int _cursor;
        private int _end;

        public bool Next(out int start, out int end)
        {
            while (true)
            {
                // Skip lines before the window in the current customer's run.
                while (_cursor < _end && _days[_cursor] < fromDay) _cursor++;
                if (_cursor < _end && _days[_cursor] <= toDay)
                {
                    start = _cursor;
                    if (byBasket)
                    {
                        int day = _days[_cursor];
                        while (_cursor < _end && _days[_cursor] == day) _cursor++;
                    }
                    else
                    {
                        while (_cursor < _end && _days[_cursor] <= toDay) _cursor++;
                    }
                    end = _cursor;
                    if (!byBasket) _cursor = _end;
                    return true;
                }
                _customer++;
                if (_customer >= _customers)
                {
                    start = end = 0;
                    return false;
                }
                _cursor = _starts[_customer];
                _end = _starts[_customer + 1];
            }
        }
    }
}

/// <summary>The top product pairs bought together, as computed by <see cref="CrossSell.TopPairs"/>.</summary>
/// <param name="Level">What "together" means: the same customer or the same basket.</param>
/// <param name="Transactions">N, the customers (or baskets) with a line in the window.</param>
/// <param name="Pairs">The pairs, by co-occurrence count descending, then by product indexes ascending.</param>
public sealed record ProductPairs(CoPurchaseLevel Level, long Transactions, IReadOnlyList<ProductPair> Pairs);

/// <summary>One product pair with its counts and association measures; <see cref="ProductA"/> &lt; <see cref="ProductB"/>.</summary>
/// <param name="ProductA">The smaller product index.</param>
/// <param name="ProductB">The larger product index.</param>
/// <param name="CountA">N(A): transactions with A.</param>
/// <param name="CountB">N(B): transactions with B.</param>
/// <param name="CountBoth">N(A∩B): transactions with both.</param>
/// <param name="Transactions">N: all transactions.</param>
/// <remarks>Equality compares every field.</remarks>
public readonly record struct ProductPair(int ProductA, int ProductB, long CountA, long CountB, long CountBoth, long Transactions)
{
    /// <summary>Gets the support N(A∩B) / N.</summary>
    public Rate Support => new(CountBoth, Transactions);

    /// <summary>Gets the confidence of A ⇒ B (併買率 of B given A): N(A∩B) / N(A).</summary>
    public Rate ConfidenceAToB => new(CountBoth, CountA);

    /// <summary>Gets the confidence of B ⇒ A: N(A∩B) / N(B).</summary>
    public Rate ConfidenceBToA => new(CountBoth, CountB);

    /// <summary>Gets the lift N(A∩B)·N / (N(A)·N(B)); 1 means independence; 0 when a count is 0.</summary>
    public double Lift => CountA == 0 || CountB == 0 ? 0d : (double)CountBoth * Transactions / ((double)CountA * CountB);
}
