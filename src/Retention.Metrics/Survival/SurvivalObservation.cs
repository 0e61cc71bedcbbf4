namespace Retention.Metrics;

/// <summary>One subject's observed lifetime: a duration and whether it ended in the event (churn) or was censored (still active).</summary>
/// <param name="Time">The duration from the start to the event or to the end of observation, in the caller's unit (days, weeks or
/// periods); zero or greater and finite.</param>
/// <param name="Event"><see langword="true"/> when the lifetime ended in the event (the subscription was cancelled);
/// <see langword="false"/> when it was censored (still active when observation ended).</param>
/// <remarks>The default value is a censored observation at time 0, which contributes a subject at risk at 0 and nothing else.
/// Build observations from start and end dates with <see cref="Survival.ObservationsFromDates"/>.</remarks>
public readonly record struct SurvivalObservation(double Time, bool Event);
