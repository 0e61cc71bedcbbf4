using System.Globalization;

namespace Retention.Metrics;

/// <summary>Subscription course continuation (定期継続率) by shipment count: continuation from the first shipment, step retention, step cancellation and mean shipments.</summary>
public static partial class Continuation
{
    /// <summary>Computes continuation by shipment count from the ledger's shipments as of a date, treating open subscriptions as censored.</summary>
    /// <param name="ledger">The subscriptions with their shipments.</param>
    /// <param name="asOf">The observation end (inclusive): shipments on it count, shipments after it are ignored, and a subscription
    /// is cancelled when its end date is on or before it, open otherwise.</param>
    /// <param name="startedFrom">When given, only subscriptions that started on or after this date (a cohort's first day).</param>
    /// <param name="startedTo">When given, only subscriptions that started on or before this date (a cohort's last day, inclusive).</param>
    /// <returns>The steps k = 1 .. the largest shipment count; no steps (and <see cref="ContinuationResult.Subscriptions"/> 0) when no
    /// subscription received a shipment by <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startedTo"/> is before <paramref name="startedFrom"/>.</exception>
    /// <remarks>
    /// <para>The k-th shipment of a subscription is its k-th shipment by date. Let <c>R(k)</c> = subscriptions with at least k
    /// shipments and <c>Z(k)</c> = open subscriptions with exactly k. An open subscription that has received k shipments is
    /// censored after k: it is in <c>R(1) .. R(k)</c>, but not in the step at k + 1, because whether it will receive shipment
    /// k + 1 is not yet known. Step retention is <c>s(k) = R(k) / (R(k−1) − Z(k−1))</c>, continuation from the first is the
    /// product <c>C(k) = s(2) · … · s(k)</c> (the Kaplan–Meier estimator on the shipment count) and
    /// mean shipments is <c>Σ C(k)</c>. Without open subscriptions these reduce to the vendor formulas
    /// <c>C(k) = R(k) / R(1)</c> and <c>Σ C(k) = 定期受注総数 ÷ 定期件数</c>.</para>
    /// <para>To follow an acquisition cohort (for example the subscriptions started in one month), pass its first and last
    /// start dates. Subscriptions without a shipment by <paramref name="asOf"/> (and those starting after it) are left out.
    /// O(subscriptions + shipments); results over disjoint subscription sets combine with <see cref="ContinuationResult.Combine"/>.</para>
    /// </remarks>
    public static ContinuationResult FromShipments(SubscriptionLedger ledger, DateOnly asOf, DateOnly? startedFrom = null, DateOnly? startedTo = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (startedFrom is DateOnly f && startedTo is DateOnly t && t < f)
            ThrowHelper.ThrowOutOfRange(nameof(startedTo), t, string.Create(CultureInfo.InvariantCulture, $"it must not be before startedFrom ({f:yyyy-MM-dd})."));
        int cohortFirst = startedFrom?.DayNumber ?? int.MinValue;
        int cohortLast = startedTo?.DayNumber ?? int.MaxValue;
        int[] shipStarts = ledger.ShipmentStarts;
        int[] shipDays = ledger.ShipmentDays;
        int[] startDays = ledger.StartDays;
        int[] endDays = ledger.EndDays;
        int asOfDay = asOf.DayNumber;
        int n = ledger.Count;

        int maxRun = 0;
        for (int p = 0; p < n; p++) maxRun = Math.Max(maxRun, shipStarts[p + 1] - shipStarts[p]);

        var cancelledWith = new long[maxRun + 1];
        var openWith = new long[maxRun + 1];
        for (int p = 0; p < n; p++)
        {
            int start = startDays[p];
            if (start > asOfDay || start < cohortFirst || start > cohortLast) continue;
            int first = shipStarts[p], end = shipStarts[p + 1];
            int j = first;
            while (j < end && shipDays[j] <= asOfDay) j++;
            int received = j - first;
            if (endDays[p] <= asOfDay) cancelledWith[received]++;
            else openWith[received]++;
        }
        return new ContinuationResult(asOf, cancelledWith, openWith);
    }
}
