namespace Retention.Metrics;

/// <summary>One subscription (定期申込): who subscribed, when it started, and when it was cancelled.</summary>
/// <param name="Id">The subscription's index: zero or greater and unique in a ledger, usually from a <see cref="CustomerIndex{TKey}"/> over the shop's subscription keys.</param>
/// <param name="Customer">The customer's index: zero or greater; several subscriptions may share a customer.</param>
/// <param name="Start">The sign-up date: the first day the subscription is active.</param>
/// <param name="End">The cancellation date, on which the subscription stops being active; <see langword="null"/> while it is still open.</param>
/// <remarks>
/// <para>A subscription is active at the close of day <c>d</c> when <c>Start ≤ d &lt; End</c>: it counts as a sign-up in the
/// period containing <c>Start</c> and as a cancellation in the period containing <c>End</c>, and it is no longer a subscriber
/// at the close of <c>End</c>. <c>End == Start</c> is allowed (signed up and cancelled on the same day).</para>
/// <para>The default value (<c>0001-01-01</c> start) is not a valid subscription: building a ledger rejects a default date.</para>
/// </remarks>
public readonly record struct Subscription(int Id, int Customer, DateOnly Start, DateOnly? End);

/// <summary>A plan amount that applies to a subscription from a date on (an upgrade, a downgrade, a pause or a resumption).</summary>
/// <param name="Subscription">The <see cref="Metrics.Subscription.Id"/> of the subscription it changes.</param>
/// <param name="EffectiveFrom">The first day on which the amount applies; within the subscription's <c>[Start, End]</c>.</param>
/// <param name="AmountPerMonth">The recurring amount per month from that day on; zero or greater, 0 meaning paused.</param>
/// <remarks>An amount applies until the subscription's next plan change or its end. Two changes of one subscription on the same
/// date overlap and are rejected.</remarks>
public readonly record struct PlanChange(int Subscription, DateOnly EffectiveFrom, decimal AmountPerMonth);

/// <summary>One delivery (or billing) of a subscription: the k-th shipment of a subscription is its k-th entry by date.</summary>
/// <param name="Subscription">The <see cref="Metrics.Subscription.Id"/> of the subscription it belongs to.</param>
/// <param name="Date">The shipment date; within the subscription's <c>[Start, End]</c>.</param>
/// <param name="Amount">The amount charged for the shipment; zero or greater (a free first shipment is 0).</param>
public readonly record struct Shipment(int Subscription, DateOnly Date, decimal Amount);
