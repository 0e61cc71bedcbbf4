namespace Retention.Metrics;

/// <summary>Per-customer summaries (first and last purchase, orders, occasions, frequency, recency, age, spend) and their totals.</summary>
public static class Summaries
{
    /// <summary>Writes the summary of every customer whose first purchase is on or before <paramref name="asOf"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive: purchases on this day count, later ones are ignored.</param>
    /// <param name="destination">Receives the summaries in history order; at least <see cref="PurchaseHistory.CustomerCount"/> long.</param>
    /// <returns>The number of summaries written; 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>One pass over the purchases, no allocation. Customers are disjoint across histories, so summaries of
    /// histories split by customer concatenate into the summaries of the whole.</remarks>
    public static int Compute(PurchaseHistory history, DateOnly asOf, Span<CustomerSummary> destination)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        if (destination.Length < history.CustomerCount)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, history.CustomerCount);
        var sink = new SummaryPass.SpanSink(destination);
        SummaryPass.Run(history, asOf.DayNumber, ref sink);
        return sink.Written;
    }

    /// <summary>Writes the summary of every customer whose first purchase is on or before <paramref name="asOf"/>, splitting the
    /// customers into ranges that run on several threads.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="destination">Receives the summaries in history order; at least <see cref="PurchaseHistory.CustomerCount"/> long.</param>
    /// <param name="degreeOfParallelism">The number of customer ranges run at once: 1 for the calling thread alone,
    /// <see cref="Environment.ProcessorCount"/> for every core.</param>
    /// <returns>The number of summaries written; 0 for an empty history. The summaries are those of
    /// <see cref="Compute(PurchaseHistory, DateOnly, Span{CustomerSummary})"/>, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase, or
    /// <paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <remarks>Each range writes its summaries at its own offset; when <paramref name="asOf"/> leaves customers out, the
    /// parts are then moved together (O(customers)). No allocation beyond a small closure.</remarks>
    public static int Compute(PurchaseHistory history, DateOnly asOf, Memory<CustomerSummary> destination, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        CustomerRanges.Validate(degreeOfParallelism);
        if (destination.Length < history.CustomerCount)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, history.CustomerCount);
        int parts = CustomerRanges.Parts(history, degreeOfParallelism);
        if (parts == 1) return Compute(history, asOf, destination.Span);
        int asOfDay = asOf.DayNumber;
        var bounds = new int[parts + 1];
        CustomerRanges.Split(history, bounds, CustomerRanges.SummaryCustomerWeight);
        var written = new int[parts];
        Slices.ForEach(parts, p =>
        {
            var sink = new SummaryPass.SpanSink(destination.Span[bounds[p]..bounds[p + 1]]);
            SummaryPass.Run(history, int.MinValue, asOfDay, bounds[p], bounds[p + 1], ref sink);
            written[p] = sink.Written;
        });
        Span<CustomerSummary> all = destination.Span;
        int count = written[0];
        for (int p = 1; p < parts; p++)
        {
            if (count != bounds[p]) all.Slice(bounds[p], written[p]).CopyTo(all[count..]);
            count += written[p];
        }
        return count;
    }

    /// <summary>Returns the summary of every customer whose first purchase is on or before <paramref name="asOf"/>.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <returns>The summaries in history order; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    public static CustomerSummary[] Compute(PurchaseHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var buffer = new CustomerSummary[history.CustomerCount];
        int written = Compute(history, asOf, buffer);
        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Computes totals over all customer summaries without materializing them.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <returns>The totals; all zero for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase.</exception>
    /// <remarks>Totals of histories split by customer combine with <see cref="SummaryTotals.Combine"/>.</remarks>
    public static SummaryTotals Totals(PurchaseHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        var sink = new TotalsSink();
        SummaryPass.Run(history, asOf.DayNumber, ref sink);
        return sink.ToTotals(history);
    }

    /// <summary>Computes totals over all customer summaries, splitting the customers into ranges that run on several threads.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="asOf">The observation end, inclusive.</param>
    /// <param name="degreeOfParallelism">The number of customer ranges run at once: 1 for the calling thread alone,
    /// <see cref="Environment.ProcessorCount"/> for every core. It pays from about a hundred thousand purchases.</param>
    /// <returns>The totals, identical to <see cref="Totals(PurchaseHistory, DateOnly)"/>; all zero for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> precedes the history's first purchase, or
    /// <paramref name="degreeOfParallelism"/> is less than 1.</exception>
    /// <remarks>Each range holds about the same number of purchases; the parts' totals are merged with
    /// <see cref="SummaryTotals.Combine"/>. Allocation: one small closure per call, nothing per customer or purchase.</remarks>
    public static SummaryTotals Totals(PurchaseHistory history, DateOnly asOf, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, asOf);
        CustomerRanges.Validate(degreeOfParallelism);
        int parts = CustomerRanges.Parts(history, degreeOfParallelism);
        if (parts == 1) return Totals(history, asOf);
        int asOfDay = asOf.DayNumber;
        var bounds = new int[parts + 1];
        CustomerRanges.Split(history, bounds, CustomerRanges.SummaryCustomerWeight);
        var sinks = new TotalsSink[parts];
        Slices.ForEach(parts, p =>
        {
            // A local sink: the parts' sinks sit side by side in the array, and updating them there from two cores
            // would make the cores fight over one cache line.
            var sink = new TotalsSink();
            SummaryPass.Run(history, int.MinValue, asOfDay, bounds[p], bounds[p + 1], ref sink);
            sinks[p] = sink;
        });
        TotalsSink sum = sinks[0];
        for (int p = 1; p < parts; p++) sum.Add(sinks[p]);
        return sum.ToTotals(history);
    }

    /// <summary>Computes totals over summaries obtained elsewhere, for example rows aggregated in a warehouse (docs/scale.md).</summary>
    /// <param name="summaries">The customer summaries, one per customer.</param>
    /// <returns>The totals; all zero for no summaries.</returns>
    /// <remarks>Equal to <see cref="Totals(PurchaseHistory, DateOnly)"/> when the summaries are that history's.</remarks>
    public static SummaryTotals Totals(ReadOnlySpan<CustomerSummary> summaries)
    {
        var sink = new TotalsSink();
        decimal total = 0m, repeat = 0m;
        for (int i = 0; i < summaries.Length; i++)
        {
            ref readonly CustomerSummary s = ref summaries[i];
            sink.Customers++;
            sink.Orders += s.Orders;
            sink.PurchaseDays += s.PurchaseDays;
            if (s.PurchaseDays >= 2) sink.RepeatCustomers++;
            if (s.Orders >= 2) sink.MultiOrderCustomers++;
            total += s.TotalAmount;
            repeat += s.RepeatAmount;
        }
        return new SummaryTotals(sink.Customers, sink.Orders, sink.PurchaseDays, sink.RepeatCustomers, sink.MultiOrderCustomers, total, repeat);
    }

    /// <summary>Writes, for every customer first seen by <paramref name="calibrationEnd"/>, the calibration summary and the holdout activity.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="calibrationEnd">The last day of the calibration period, inclusive.</param>
    /// <param name="holdoutEnd">The last day of the holdout period, inclusive; on or after <paramref name="calibrationEnd"/>.</param>
    /// <param name="destination">Receives the summaries; at least <see cref="PurchaseHistory.CustomerCount"/> long.</param>
    /// <returns>The number of summaries written; 0 for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calibrationEnd"/> precedes the first purchase, or <paramref name="holdoutEnd"/> precedes <paramref name="calibrationEnd"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int ComputeWithHoldout(PurchaseHistory history, DateOnly calibrationEnd, DateOnly holdoutEnd, Span<HoldoutSummary> destination)
    {
        ArgumentNullException.ThrowIfNull(history);
        SummaryPass.ValidateAsOf(history, calibrationEnd, nameof(calibrationEnd));
        if (holdoutEnd < calibrationEnd)
            ThrowHelper.ThrowOutOfRange(nameof(holdoutEnd), holdoutEnd, $"it must be on or after calibrationEnd ({calibrationEnd:yyyy-MM-dd}).");
        if (destination.Length < history.CustomerCount)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, history.CustomerCount);
        var sink = new HoldoutSink(destination, history, holdoutEnd.DayNumber);
        SummaryPass.Run(history, calibrationEnd.DayNumber, ref sink);
        return sink.Written;
    }

    /// <summary>Returns, for every customer first seen by <paramref name="calibrationEnd"/>, the calibration summary and the holdout activity.</summary>
    /// <param name="history">The purchase history.</param>
    /// <param name="calibrationEnd">The last day of the calibration period, inclusive.</param>
    /// <param name="holdoutEnd">The last day of the holdout period, inclusive.</param>
    /// <returns>The summaries in history order; empty for an empty history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dates are out of order or precede the first purchase.</exception>
    public static HoldoutSummary[] ComputeWithHoldout(PurchaseHistory history, DateOnly calibrationEnd, DateOnly holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(history);
        var buffer = new HoldoutSummary[history.CustomerCount];
        int written = ComputeWithHoldout(history, calibrationEnd, holdoutEnd, buffer);
        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    private struct TotalsSink : ISummarySink
    {
        public long Customers, Orders, PurchaseDays, RepeatCustomers, MultiOrderCustomers;
        public Int128 Total, Repeat;

        public void Add(int position, in CustomerSummary summary)
        {
            Customers++;
            Orders += summary.Orders;
            PurchaseDays += summary.PurchaseDays;
            if (summary.PurchaseDays >= 2) RepeatCustomers++;
            if (summary.Orders >= 2) MultiOrderCustomers++;
            Total += summary.TotalUnits;
            Repeat += summary.RepeatUnits;
        }

        /// <summary>Adds the counts of a disjoint part.</summary>
        public void Add(in TotalsSink part)
        {
            Customers = checked(Customers + part.Customers);
            Orders = checked(Orders + part.Orders);
            PurchaseDays = checked(PurchaseDays + part.PurchaseDays);
            RepeatCustomers = checked(RepeatCustomers + part.RepeatCustomers);
            MultiOrderCustomers = checked(MultiOrderCustomers + part.MultiOrderCustomers);
            Total += part.Total;
            Repeat += part.Repeat;
        }

        public readonly SummaryTotals ToTotals(PurchaseHistory history) =>
            new(Customers, Orders, PurchaseDays, RepeatCustomers, MultiOrderCustomers, history.ToAmount(Total), history.ToAmount(Repeat));
    }

    private ref struct HoldoutSink(Span<HoldoutSummary> destination, PurchaseHistory history, int holdoutEnd) : ISummarySink
    {
        private readonly Span<HoldoutSummary> _destination = destination;
        private readonly ReadOnlySpan<int> _starts = history.CustomerStarts;
        private readonly ReadOnlySpan<int> _days = history.DayNumbers;
        private readonly ReadOnlySpan<long> _units = history.AmountUnits;
        private readonly int _scale = history.AmountScale;

        public int Written { get; private set; }

        public void Add(int position, in CustomerSummary summary)
        {
            int calibrationEnd = summary.AsOfDayNumber;
            int end = _starts[position + 1];
            // Skip the calibration purchases: the run is sorted, so search from the end of the run backwards is not needed;
            // the calibration part is a prefix of length Orders.
            int i = _starts[position] + summary.Orders;
            int previous = calibrationEnd, purchaseDays = 0, orders = 0;
            long amount = 0;
            for (; i < end; i++)
            {
                int day = _days[i];
                if (day > holdoutEnd) break;
                if (day != previous)
                {
                    purchaseDays++;
                    previous = day;
                }
                orders++;
                amount += _units[i];
            }
            _destination[Written++] = new HoldoutSummary(summary, purchaseDays, orders, Money.FromUnits(amount, _scale), holdoutEnd - calibrationEnd);
        }
    }
}
