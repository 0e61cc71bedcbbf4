namespace Retention.Metrics;

/// <summary>Options that decide how records become a <see cref="PurchaseHistory"/>.</summary>
/// <remarks>The default options reject negative amounts and keep one entry per order.</remarks>
public sealed record PurchaseHistoryOptions
{
    /// <summary>Gets the default options: refunds rejected.</summary>
    public static PurchaseHistoryOptions Default { get; } = new();

    /// <summary>
    /// Gets whether negative amounts (refunds, returns, cancellations) are accepted. When <see langword="true"/>, each
    /// customer's records are netted per day into one entry; a day whose net is negative reduces the customer's latest
    /// earlier purchase days (latest first); an entry whose amount a refund brings to zero or below is removed (a returned
    /// order is not a purchase), as is a customer left with none. A refund larger than everything the customer bought up to
    /// that day is an error.
    /// </summary>
    /// <remarks>In this mode order counts equal purchase-day counts, since same-day orders are netted into one entry.</remarks>
    public bool AllowRefunds { get; init; }

    /// <summary>Gets the number of threads a build may use: 1 (the default) builds on the calling thread;
    /// <see cref="Environment.ProcessorCount"/> uses every core. The history is identical whatever the value.</summary>
    /// <remarks>With more than one thread, <see cref="PurchaseHistory.Create(ReadOnlySpan{Purchase}, PurchaseHistoryOptions?)"/>
    /// validates and converts contiguous slices of the input at once, and <see cref="PurchaseHistoryBuilder.Build"/> counts and
    /// places them per slice (one count array per thread, 4 bytes per customer index each) and sorts the runs of customer ranges
    /// at once. It pays from about a hundred thousand purchases.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int DegreeOfParallelism
    {
        get => _degreeOfParallelism;
        init
        {
            if (value < 1)
                ThrowHelper.ThrowOutOfRange(nameof(DegreeOfParallelism), value, "it must be 1 or greater (Environment.ProcessorCount uses every core).");
            _degreeOfParallelism = value;
        }
    }

    private readonly int _degreeOfParallelism = 1;
}
