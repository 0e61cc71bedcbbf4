namespace Retention.Metrics;

/// <summary>The counts and rates of one shipment number k of a subscription course (定期コース).</summary>
/// <param name="Shipment">The shipment number k, from 1.</param>
/// <param name="Received">Subscriptions that received at least k shipments (k回目到達数).</param>
/// <param name="AtRisk">Subscriptions whose k-th shipment is resolved: they received k − 1 shipments and either received the k-th
/// or were cancelled; open subscriptions still waiting for their k-th shipment are left out. For k = 1 it equals <paramref name="Received"/>.</param>
/// <param name="CancelledAfter">Cancelled subscriptions that received exactly k shipments (stopped after the k-th).</param>
/// <param name="Censored">Open subscriptions that have received exactly k shipments so far (censored after the k-th).</param>
/// <param name="FirstReceived">Subscriptions that received a first shipment, the base of the continuation rates.</param>
/// <param name="ContinuationFromFirst">The estimated share of first-shipment subscriptions that reach shipment k (k回目継続率),
/// the product of the step retentions up to k; equals <c>Received / FirstReceived</c> when nothing is censored.</param>
/// <remarks>Identities: <c>Received(k+1) = Received(k) − CancelledAfter(k) − Censored(k)</c> and
/// <c>AtRisk(k+1) = Received(k) − Censored(k)</c>.</remarks>
public readonly record struct ContinuationStep(
    int Shipment,
    long Received,
    long AtRisk,
    long CancelledAfter,
    long Censored,
    long FirstReceived,
    double ContinuationFromFirst)
{
    /// <summary>Gets the step retention (tsuhaninfo's 残存率): subscriptions reaching shipment k among those whose k-th shipment is resolved, <c>Received / AtRisk</c>.</summary>
    public Rate StepRetention => new(Received, AtRisk);

    /// <summary>Gets the step cancellation rate (k回目解約率), <c>(AtRisk − Received) / AtRisk</c>: cancelled after shipment k − 1 among those at risk.</summary>
    public Rate StepCancellation => new(AtRisk - Received, AtRisk);

    /// <summary>Gets the plain ratio <c>Received / FirstReceived</c> as vendors compute k回目継続率; it understates continuation while subscriptions are still open.</summary>
    public Rate ReceivedFromFirst => new(Received, FirstReceived);
}
