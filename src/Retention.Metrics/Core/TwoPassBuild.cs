using System.Globalization;

namespace Retention.Metrics;

/// <summary>Builds a history from a source read twice (for example a file too large to hold twice in memory): the first read
/// validates and counts purchases per customer, the second places each purchase straight into the history's columns.</summary>
/// <remarks>Peak memory is the history itself (12 bytes per purchase, 8 per customer) plus 4 bytes per customer index and one
/// chunk of the caller's: no staging copy of the purchases.</remarks>
internal static class TwoPassBuild
{
    private const string Name = "readChunks";

    internal static PurchaseHistory Run(Func<IEnumerable<ReadOnlyMemory<Purchase>>> readChunks, PurchaseHistoryOptions options)
    {
        bool allowRefunds = options.AllowRefunds;
        int[] counts = new int[1024];
        long n = 0;
        int max = -1, scale = 0;
        ulong absolute = 0;
        Checksum expected = default;

        // 1. Validate every purchase (the same rules and messages as PurchaseHistoryBuilder.Add), settle the amount scale,
        //    and count purchases per customer index.
        foreach (ReadOnlyMemory<Purchase> chunk in First(readChunks))
        {
            ReadOnlySpan<Purchase> span = chunk.Span;
            for (int i = 0; i < span.Length; i++, n++)
            {
                ref readonly Purchase p = ref span[i];
                int customer = p.Customer;
                PurchaseHistoryBuilder.ValidateRecord(Name, n, customer, p.Date, p.Amount, allowRefunds);
                if (!Money.TryToUnits(p.Amount, scale, out long units))
                {
                    int needed = Money.MinimalScale(p.Amount);
                    if (needed > Money.MaxScale) PurchaseHistoryBuilder.ThrowTooManyDecimals(Name, p.Amount, n);
                    if (needed > scale)
                    {
                        UInt128 rescaled = (UInt128)absolute * (ulong)Money.Pow10(needed - scale);
                        if (rescaled > long.MaxValue) PurchaseHistoryBuilder.ThrowTooLarge(Name, scale, p.Amount, n);
                        absolute = (ulong)rescaled;
                        expected = expected.Rescale(Money.Pow10(needed - scale));
                        scale = needed;
                    }
                    if (!Money.TryToUnits(p.Amount, scale, out units)) PurchaseHistoryBuilder.ThrowTooLarge(Name, scale, p.Amount, n);
                }
                absolute += (ulong)Math.Abs(units);
                if (absolute > long.MaxValue) PurchaseHistoryBuilder.ThrowTooLarge(Name, scale, p.Amount, n);
                if (n >= Array.MaxLength)
                    ThrowHelper.ThrowElement(Name, n, "Customer", customer, string.Create(CultureInfo.InvariantCulture, $"a history holds at most {Array.MaxLength} purchases."));
                if (customer >= counts.Length)
                {
                    // Indexes are array positions here: they must be dense (intern sparse keys with CustomerIndex).
                    long limit = (n + 1) * 4 + PurchaseHistoryBuilder.DenseCustomerSlack;
                    if (customer >= limit)
                    {
                        ThrowHelper.ThrowElement(Name, n, "Customer", customer, string.Create(CultureInfo.InvariantCulture,
                            $"a two-pass build keeps a count per customer index, so indexes must be dense: at this position at most {limit - 1}. Intern the shop's keys with CustomerIndex, or build with PurchaseHistory.Create."));
                    }
                    Array.Resize(ref counts, (int)Math.Min(Array.MaxLength, Math.Max((long)customer + 1, (long)counts.Length * 2)));
                }
                counts[customer]++;
                if (customer > max) max = customer;
                expected = expected.Add(customer, p.Date.DayNumber, units);
            }
        }
        if (n == 0) return PurchaseHistory.Empty;
        (int[] ids, int[] starts) = PurchaseHistoryBuilder.LayOutDense(counts.AsSpan(0, max + 1));

        // 2. Place each purchase at its customer's next free position (input order kept within a run).
        int count = (int)n;
        var days = new int[count];
        var unitColumn = new long[count];
        long placed = 0;
        Checksum actual = default;
        foreach (ReadOnlyMemory<Purchase> chunk in readChunks())
        {
            ReadOnlySpan<Purchase> span = chunk.Span;
            for (int i = 0; i < span.Length; i++, placed++)
            {
                ref readonly Purchase p = ref span[i];
                int customer = p.Customer;
                if ((uint)customer > (uint)max || placed >= n) ThrowChanged(placed);
                if (!Money.TryToUnits(p.Amount, scale, out long units)) ThrowChanged(placed);
                int at = counts[customer]++;
                if ((uint)at >= (uint)count) ThrowChanged(placed);
                int day = p.Date.DayNumber;
                days[at] = day;
                unitColumn[at] = units;
                actual = actual.Add(customer, day, units);
            }
        }
        if (placed != n || !actual.Equals(expected)) ThrowChanged(placed);
        return PurchaseHistoryBuilder.Finish(options, Name, starts, ids, days, unitColumn, scale);
    }

    private static IEnumerable<ReadOnlyMemory<Purchase>> First(Func<IEnumerable<ReadOnlyMemory<Purchase>>> readChunks) =>
        readChunks() ?? throw new ArgumentException("readChunks returned null; it must return the chunks of the source.", nameof(readChunks));

    private static void ThrowChanged(long position) =>
        ThrowHelper.ThrowInvalidOperation(string.Create(CultureInfo.InvariantCulture,
            $"readChunks gave different purchases the second time (first difference seen by position {position}); both reads must yield the same purchases in the same order."));

    /// <summary>Order-independent sums of the purchases' fields (wrapping), to tell that the second read matches the first.</summary>
    private readonly record struct Checksum(long Customers, long Days, long CustomerDays, long Units)
    {
        internal Checksum Add(int customer, int day, long units) => new(
            unchecked(Customers + customer),
            unchecked(Days + day),
            unchecked(CustomerDays + ((long)customer * day)),
            unchecked(Units + units));

        /// <summary>The checksum of the same purchases with every amount in units multiplied by <paramref name="factor"/>.</summary>
        internal Checksum Rescale(long factor) => this with { Units = unchecked(Units * factor) };
    }
}
