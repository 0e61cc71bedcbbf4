using System.Buffers;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>Generates a deterministic synthetic shop: three years of orders, skewed like a real online shop's export.</summary>
/// <remarks>
/// <para>The shape (see docs/sample-shop.md): about 60% of customers buy on one day only, a heavy tail buys often with
/// heavy-tailed gaps between orders, some orders repeat on the same day; amounts are Pareto-like whole yen, a few with two
/// decimals and a few zero (free samples). There are about <c>purchases / 3.5</c> customers.</para>
/// <para>Purchases come in date order, as a shop's export arrives, not grouped by customer. Customer indexes are dense,
/// <c>0..customers − 1</c>, numbered in order of each customer's first purchase, like member numbers.</para>
/// <para>The output depends only on the arguments: the generator is a built-in SplitMix64 with integer and correctly
/// rounded arithmetic, so a seed gives the same shop on every platform and every runtime version.</para>
/// </remarks>
public static class SampleShop
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <summary>The number of years the sample covers, from its start date (inclusive) to the same date that many years later (exclusive).</summary>
    public const int Years = 3;

    // Shape parameters (docs/sample-shop.md). Changing any of them changes every sample: the tests pin the output.
    private const int OneTimePer1024 = 560;        // planned single-order customers (54.7%); censoring at the end adds more
    private const double ExtraOrdersScale = 14;    // planned orders beyond the first: 1 + Lomax(α = 2, scale 14), at most 400
    private const int MaxPlannedOrders = 400;
    private const int SameDayBits = 4;             // 1 in 16 repeat orders lands on the previous order's day
    private const double MinGapScale = 20;         // gap after an order: 1 + Lomax(α = 2, scale s) days, s = 20 + 150·u² per customer
    private const double GapScaleSpread = 150;
    private const int ZeroAmountBits = 7;          // 1 in 128 orders is a free sample (amount 0)
    private const int CentsBits = 4;               // 1 in 16 orders has a two-decimal amount
    private const double MinBasket = 980;          // a customer's typical order b = 980 + Lomax(α = 2, scale 4,000) yen, at most 300,000
    private const double BasketScale = 4000;       // each order: b · (0.5 + u), u uniform in (0, 1]
    private const double MaxBasket = 300_000;

    /// <summary>Gets the start date used when none is given: 2023-01-01.</summary>
    public static DateOnly DefaultStart => new(2023, 1, 1);

    /// <summary>Generates a sample shop's purchases.</summary>
    /// <param name="purchases">The number of purchases; zero or greater.</param>
    /// <param name="seed">The seed; the same seed (and arguments) gives the same purchases.</param>
    /// <param name="start">The first day of the sample; <see langword="null"/> for <see cref="DefaultStart"/>. Purchases fall in
    /// <c>[start, start + 3 years)</c>.</param>
    /// <returns>The purchases in date order; empty when <paramref name="purchases"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="purchases"/> is negative, or <paramref name="start"/> is
    /// <c>0001-01-01</c> or later than three years before <see cref="DateOnly.MaxValue"/>.</exception>
    /// <remarks>Equivalent to <see cref="Generate(Span{Purchase}, int, DateOnly?)"/> into a new array.</remarks>
    public static Purchase[] Generate(int purchases, int seed = DefaultSeed, DateOnly? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(purchases);
        ValidateStart(start);
        if (purchases == 0) return [];
        var result = new Purchase[purchases];
        Generate(result, seed, start);
        return result;
    }

    /// <summary>Fills <paramref name="destination"/> with a sample shop's purchases.</summary>
    /// <param name="destination">Receives the purchases in date order; its length is the number of purchases.</param>
    /// <param name="seed">The seed; the same seed (and arguments) gives the same purchases.</param>
    /// <param name="start">The first day of the sample; <see langword="null"/> for <see cref="DefaultStart"/>.</param>
    /// <returns>The number of customers; their indexes are <c>0..customers − 1</c>. 0 for an empty destination.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is <c>0001-01-01</c> or later than three years
    /// before <see cref="DateOnly.MaxValue"/>.</exception>
    /// <remarks>
    /// <para>Allocates only O(days + customers) scratch from the array pool: the sequence is generated twice, once to count
    /// the purchases of each day and once to write them in date order.</para>
    /// <para>Customers are generated one after another until the destination is full, so the last customer may be cut
    /// short; a longer destination is not an extension of a shorter one.</para>
    /// </remarks>
    public static int Generate(Span<Purchase> destination, int seed = DefaultSeed, DateOnly? start = null)
    {
        ValidateStart(start);
        int n = destination.Length;
        if (n == 0) return 0;
        DateOnly first = start ?? DefaultStart;
        int days = first.AddYears(Years).DayNumber - first.DayNumber;

        int[] weights = ArrayPool<int>.Shared.Rent(days);
        int[] cursors = ArrayPool<int>.Shared.Rent(days);
        int[]? renumber = null;
        try
        {
            int maxWeight = FillAcquisitionWeights(first, weights.AsSpan(0, days));

            // Pass 1: count the purchases of each day.
            Span<int> counts = cursors.AsSpan(0, days);
            counts.Clear();
            var walk = new Walk(seed, days, weights, maxWeight);
            for (int i = 0; i < n; i++)
            {
                walk.Next();
                counts[walk.Day]++;
            }
            int customers = walk.Customer + 1;

            // Pass 2: the same sequence again, written at each day's cursor.
            int offset = 0;
            for (int d = 0; d < days; d++)
            {
                int k = counts[d];
                counts[d] = offset;
                offset += k;
            }
            walk = new Walk(seed, days, weights, maxWeight);
            var money = new SplitMix64(Mix(seed, 0x6D6F6E6579UL));
            double basket = 0;
            int current = -1;
            for (int i = 0; i < n; i++)
            {
                walk.Next();
                if (walk.Customer != current)
                {
                    current = walk.Customer;
                    basket = Math.Min(MaxBasket, MinBasket + Lomax(ref money, BasketScale));
                }
                destination[cursors[walk.Day]++] = new Purchase(walk.Customer, first.AddDays(walk.Day), Amount(ref money, basket));
            }

            // Pass 3: number customers in order of their first purchase.
            renumber = ArrayPool<int>.Shared.Rent(customers);
            renumber.AsSpan(0, customers).Fill(-1);
            int next = 0;
            for (int i = 0; i < n; i++)
            {
                ref Purchase p = ref destination[i];
                int id = renumber[p.Customer];
                if (id < 0) renumber[p.Customer] = id = next++;
                p = p with { Customer = id };
            }
            return customers;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(weights);
            ArrayPool<int>.Shared.Return(cursors);
            if (renumber is not null) ArrayPool<int>.Shared.Return(renumber);
        }
    }

    private static void ValidateStart(DateOnly? start)
    {
        if (start is not { } s) return;
        if (s.DayNumber == 0) ThrowHelper.ThrowOutOfRange(nameof(start), s, "a start date after 0001-01-01 is required.");
        if (s > DateOnly.MaxValue.AddYears(-Years))
            ThrowHelper.ThrowOutOfRange(nameof(start), s, $"it must be on or before {DateOnly.MaxValue.AddYears(-Years):yyyy-MM-dd} so that {Years} years fit.");
    }

    /// <summary>Weights new customers by day: the shop grows by half over the sample, and November–December (年末商戦) and July (夏のセール) are busier.</summary>
    private static int FillAcquisitionWeights(DateOnly first, Span<int> weights)
    {
        int days = weights.Length;
        int max = 0;
        for (int d = 0; d < days; d++)
        {
            int month = first.AddDays(d).Month;
            int season = month >= 11 ? 14 : month == 7 ? 12 : 10;
            int w = (2 * days + d) * season;
            weights[d] = w;
            if (w > max) max = w;
        }
        return max;
    }

    /// <summary>A Lomax (Pareto type II, α = 2) draw with the given scale: <c>scale · (u^−½ − 1)</c>; mean <c>scale</c>, heavy tail.</summary>
    private static double Lomax(ref SplitMix64 random, double scale) => scale * (1 / Math.Sqrt(random.NextOpenClosed()) - 1);

    private static decimal Amount(ref SplitMix64 random, double basket)
    {
        if (random.OneIn(ZeroAmountBits)) return 0m;
        double amount = basket * (0.5 + random.NextOpenClosed());
        if (random.OneIn(CentsBits))
        {
            long cents = (long)(amount * 100);
            return new decimal((int)(uint)cents, (int)(cents >> 32), 0, false, 2);
        }
        return (long)amount;
    }

    private static ulong Mix(int seed, ulong stream)
    {
        var random = new SplitMix64((ulong)(uint)seed ^ (stream * 0x9E3779B97F4A7C15UL));
        return random.Next();
    }

    /// <summary>The sequence of (customer, day) pairs, customer after customer, each customer's orders in date order.</summary>
    private struct Walk
    {
        private readonly int _days;
        private readonly int[] _weights;
        private readonly int _maxWeight;
        private SplitMix64 _random;
        private int _remaining;
        private double _gapScale;

        internal Walk(int seed, int days, int[] weights, int maxWeight)
        {
            _days = days;
            _weights = weights;
            _maxWeight = maxWeight;
            _random = new SplitMix64(Mix(seed, 0x7368617065UL));
            Customer = -1;
            Day = 0;
            _remaining = 0;
            _gapScale = 0;
        }

        internal int Customer { get; private set; }

        internal int Day { get; private set; }

        internal void Next()
        {
            if (_remaining > 0)
            {
                int gap = _random.OneIn(SameDayBits) ? 0 : 1 + (int)Math.Min(_days, Lomax(ref _random, _gapScale));
                if (Day + gap < _days)
                {
                    Day += gap;
                    _remaining--;
                    return;
                }
                // The customer's next order falls after the sample: it is not observed.
            }
            NewCustomer();
        }

        private void NewCustomer()
        {
            Customer++;
            int day;
            do
            {
                day = _random.NextInt(_days);
            }
            while (_random.NextInt(_maxWeight) >= _weights[day]);
            Day = day;
            _remaining = _random.NextInt(1024) < OneTimePer1024
                ? 0
                : 1 + (int)Math.Min(MaxPlannedOrders, Lomax(ref _random, ExtraOrdersScale));
            double u = _random.NextOpenClosed();
            _gapScale = MinGapScale + GapScaleSpread * u * u;
        }
    }
}
