using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>The shifted-beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007): each customer renews every period
/// with their own probability <c>1 − θ</c>, and churn probabilities <c>θ</c> vary across customers as <c>Beta(α, β)</c>.</summary>
/// <remarks>
/// <para>Time is counted in whole renewal periods (months, years). <c>T ∈ {1, 2, …}</c> is the period in which a customer churns (does
/// not renew at its end); a customer alive after <c>t</c> periods has made <c>t</c> renewals. With <c>B</c> the beta function:
/// <c>P(T = t) = B(α + 1, β + t − 1)/B(α, β)</c>, <c>S(t) = P(T &gt; t) = B(α, β + t)/B(α, β)</c>, and the retention rate
/// <c>r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1)</c>, which rises with t (the survivors are the loyal customers).</para>
/// <para>Immutable. A fitted model reports the maximum-likelihood parameters, their standard errors (from the observed information,
/// NaN when it is not positive definite), the log-likelihood, the optimiser's iterations and whether it converged. Counts from disjoint
/// cohorts that share the same period grid can be added before fitting (the likelihood is a sum over customers).</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ShiftedBetaGeometricModelJsonConverter))]
public sealed class ShiftedBetaGeometricModel
{
    private const int MaxPeriods = 100_000;
    private const double BoundaryLogParameter = 13.815510557964274; // ln 1e6

    private ShiftedBetaGeometricModel(double alpha, double beta, double logLikelihood, int iterations, bool converged,
        double alphaStandardError, double betaStandardError)
    {
        Alpha = alpha;
        Beta = beta;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
        Converged = converged;
        AlphaStandardError = alphaStandardError;
        BetaStandardError = betaStandardError;
    }

    /// <summary>Gets α, the first shape parameter of the churn-probability distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets β, the second shape parameter of the churn-probability distribution.</summary>
    public double Beta { get; }

    /// <summary>Gets the standard error of <see cref="Alpha"/> from the observed information; NaN when not available.</summary>
    public double AlphaStandardError { get; }

    /// <summary>Gets the standard error of <see cref="Beta"/> from the observed information; NaN when not available.</summary>
    public double BetaStandardError { get; }

    /// <summary>Gets the maximised log-likelihood (natural log, the sum over customers); NaN for a model made from given parameters.</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets the optimiser's iterations; 0 for a model made from given parameters.</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the optimiser met its convergence test; <see langword="true"/> for a model made from given parameters.</summary>
    public bool Converged { get; }

    /// <summary>Gets the mean churn probability of a newly acquired customer, <c>α/(α + β)</c> (= P(T = 1)).</summary>
    public double MeanChurnProbability => Alpha / (Alpha + Beta);

    /// <summary>Gets the serializable form of the model: its parameters and fit diagnostics.</summary>
    /// <returns>The data; <see cref="FromData"/> restores an equal model.</returns>
    public ShiftedBetaGeometricModelData ToData() =>
        new(Alpha, Beta, LogLikelihood, Iterations, Converged, AlphaStandardError, BetaStandardError);

    /// <summary>Restores a model from its serializable form, for example read back from JSON.</summary>
    /// <param name="data">The parameters and fit diagnostics.</param>
    /// <returns>The model, equal in every parameter and diagnostic to the one that was saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">α or β is not positive and finite, or the iterations are negative; the message names the field.</exception>
    public static ShiftedBetaGeometricModel FromData(ShiftedBetaGeometricModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Serialization.DataCheck.Positive(data.Alpha, nameof(data.Alpha));
        Serialization.DataCheck.Positive(data.Beta, nameof(data.Beta));
        Serialization.DataCheck.NonNegative(data.Iterations, nameof(data.Iterations));
        return new ShiftedBetaGeometricModel(data.Alpha, data.Beta, data.LogLikelihood, data.Iterations, data.Converged,
            data.AlphaStandardError, data.BetaStandardError);
    }

    /// <summary>Creates a model from known parameters.</summary>
    /// <param name="alpha">α, positive and finite.</param>
    /// <param name="beta">β, positive and finite.</param>
    /// <returns>The model (log-likelihood and standard errors NaN, no iterations, <see cref="Converged"/> true).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public static ShiftedBetaGeometricModel FromParameters(double alpha, double beta)
    {
        if (!(alpha > 0d) || double.IsPositiveInfinity(alpha)) ThrowHelper.ThrowOutOfRange(nameof(alpha), alpha, "it must be positive and finite.");
        if (!(beta > 0d) || double.IsPositiveInfinity(beta)) ThrowHelper.ThrowOutOfRange(nameof(beta), beta, "it must be positive and finite.");
        return new ShiftedBetaGeometricModel(alpha, beta, double.NaN, 0, true, double.NaN, double.NaN);
    }

    /// <summary>Fits the model by maximum likelihood to the survivors of one cohort, period by period (Fader and Hardie 2007, Table 1).</summary>
    /// <param name="survivorsByPeriod">Customers still active after 0, 1, …, n periods: the first entry is the cohort size (positive),
    /// the entries never increase, and at least two periods (three entries) are needed.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">An entry is negative or larger than the previous one (the message names the index), the
    /// cohort is empty, fewer than two periods are given, or the counts have no finite maximum-likelihood fit: nobody churned, or all
    /// churn fell in one period, or the optimum lies on the boundary (α or β below 1e-6 or above 1e6).</exception>
    /// <remarks><c>LL(α, β) = Σ_{t=1..n} (s_{t−1} − s_t) ln P(T = t) + s_n ln S(n)</c>, maximised over (ln α, ln β) by BFGS with the
    /// analytic gradient from (α, β) = (1, 1). Cohorts of the same age can be summed entry by entry before fitting.</remarks>
    public static ShiftedBetaGeometricModel Fit(ReadOnlySpan<long> survivorsByPeriod)
    {
        const string Name = nameof(survivorsByPeriod);
        if (survivorsByPeriod.Length < 3)
            ThrowHelper.ThrowArgument(Name, string.Create(CultureInfo.InvariantCulture,
                $"{Name} has {survivorsByPeriod.Length} entries; the sBG model needs the cohort size and at least two periods (three entries)."));
        if (survivorsByPeriod.Length - 1 > MaxPeriods)
            ThrowHelper.ThrowArgument(Name, string.Create(CultureInfo.InvariantCulture, $"{Name} has more than {MaxPeriods} periods."));
        if (survivorsByPeriod[0] <= 0) ThrowHelper.ThrowElement(Name, 0, survivorsByPeriod[0], "the cohort size must be positive.");
        int n = survivorsByPeriod.Length - 1;
        var events = new long[n + 1];
        var censored = new long[n + 1];
        for (int t = 1; t <= n; t++)
        {
            long s = survivorsByPeriod[t];
            if (s < 0) ThrowHelper.ThrowElement(Name, t, s, "survivors must be zero or greater.");
            if (s > survivorsByPeriod[t - 1])
                ThrowHelper.ThrowElement(Name, t, s, string.Create(CultureInfo.InvariantCulture,
                    $"survivors must not increase (the previous period had {survivorsByPeriod[t - 1]})."));
            events[t] = survivorsByPeriod[t - 1] - s;
        }
        censored[n] = survivorsByPeriod[n];
        return FitCounts(events, censored, Name);
    }

    /// <summary>Fits the model by maximum likelihood to churn counts per period and the number still active at the end.</summary>
    /// <param name="churnedByPeriod">Customers who churned in period 1, 2, …, n (entry <c>t − 1</c> is period <c>t</c>); zero or greater; at least two periods.</param>
    /// <param name="activeAtEnd">Customers still active after period n (censored); zero or greater.</param>
    /// <returns>The fitted model; the same as <see cref="Fit(ReadOnlySpan{long})"/> on the implied survivor counts.</returns>
    /// <exception cref="ArgumentException">A count is negative (the message names the index), fewer than two periods are given, or the
    /// counts have no finite maximum-likelihood fit (see <see cref="Fit(ReadOnlySpan{long})"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activeAtEnd"/> is negative.</exception>
    /// <remarks>The log-likelihood is <c>Σ_t c_t ln P(T = t) + activeAtEnd · ln S(n)</c>.</remarks>
    public static ShiftedBetaGeometricModel FitChurnCounts(ReadOnlySpan<long> churnedByPeriod, long activeAtEnd)
    {
        const string Name = nameof(churnedByPeriod);
        if (activeAtEnd < 0) ThrowHelper.ThrowOutOfRange(nameof(activeAtEnd), activeAtEnd, "it must be zero or greater.");
        if (churnedByPeriod.Length < 2)
            ThrowHelper.ThrowArgument(Name, string.Create(CultureInfo.InvariantCulture,
                $"{Name} has {churnedByPeriod.Length} entries; the sBG model needs at least two periods."));
        if (churnedByPeriod.Length > MaxPeriods)
            ThrowHelper.ThrowArgument(Name, string.Create(CultureInfo.InvariantCulture, $"{Name} has more than {MaxPeriods} periods."));
        int n = churnedByPeriod.Length;
        var events = new long[n + 1];
        var censored = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            if (churnedByPeriod[i] < 0) ThrowHelper.ThrowElement(Name, i, churnedByPeriod[i], "counts must be zero or greater.");
            events[i + 1] = churnedByPeriod[i];
        }
        censored[n] = activeAtEnd;
        return FitCounts(events, censored, Name);
    }

    /// <summary>Fits the model by maximum likelihood to individual lifetimes in whole periods, such as subscriptions of different ages.</summary>
    /// <param name="lifetimes">Per customer: <c>Time</c> = whole periods, <c>Event</c> = churned. A churned customer's time is the period
    /// of churn (1 or greater: paid periods); an active customer's time is the renewals made so far (0 or greater).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A time is not a whole number in [0, 100000], or a churn has time 0 (the message names the
    /// index), or the data have no finite maximum-likelihood fit (see <see cref="Fit(ReadOnlySpan{long})"/>).</exception>
    /// <remarks><c>LL = Σ_churned ln P(T = tᵢ) + Σ_active ln S(tᵢ)</c>: each customer contributes from their own observation window,
    /// so cohorts acquired at different times fit together (right censoring at different ages).</remarks>
    public static ShiftedBetaGeometricModel Fit(ReadOnlySpan<SurvivalObservation> lifetimes)
    {
        const string Name = nameof(lifetimes);
        int n = 0;
        for (int i = 0; i < lifetimes.Length; i++)
        {
            double t = lifetimes[i].Time;
            if (!(t >= 0d && t <= MaxPeriods) || t != Math.Floor(t))
                ThrowHelper.ThrowElement(Name, i, nameof(SurvivalObservation.Time), t,
                    string.Create(CultureInfo.InvariantCulture, $"times must be whole numbers of periods from 0 to {MaxPeriods}."));
            if (t == 0d && lifetimes[i].Event)
                ThrowHelper.ThrowElement(Name, i, nameof(SurvivalObservation.Time), t, "a churn happens in period 1 or later.");
            if (t > n) n = (int)t;
        }
        var events = new long[n + 1];
        var censored = new long[n + 1];
        for (int i = 0; i < lifetimes.Length; i++)
        {
            int t = (int)lifetimes[i].Time;
            if (lifetimes[i].Event) events[t]++;
            else censored[t]++;
        }
        return FitCounts(events, censored, Name);
    }

    /// <summary>Gets the probability that a new customer is still active after <paramref name="periods"/> periods, <c>S(t) = B(α, β + t)/B(α, β)</c>.</summary>
    /// <param name="periods">The number of periods t, zero or greater.</param>
    /// <returns>S(t) in (0, 1]; 1 at t = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative.</exception>
    /// <remarks>Computed as <c>Π_{i&lt;t} (β + i)/(α + β + i)</c> for t ≤ 1000 and through ln B beyond.</remarks>
    public double Survival(int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        return SurvivalUnchecked(Alpha, Beta, periods);
    }

    /// <summary>Gets the probability that a new customer churns in period <paramref name="period"/>, <c>P(T = t)</c>.</summary>
    /// <param name="period">The period t, 1 or greater.</param>
    /// <returns><c>P(T = t) = S(t − 1) · α/(α + β + t − 1)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public double ChurnProbability(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        return SurvivalUnchecked(Alpha, Beta, period - 1) * Alpha / (Alpha + Beta + period - 1);
    }

    /// <summary>Gets the expected retention rate of period <paramref name="period"/>: the share of customers active after period t − 1
    /// who renew at the end of period t.</summary>
    /// <param name="period">The period t, 1 or greater.</param>
    /// <returns><c>r_t = (β + t − 1)/(α + β + t − 1)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 1.</exception>
    public double RetentionRate(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        return (Beta + period - 1) / (Alpha + Beta + period - 1);
    }

    /// <summary>Projects how many of a cohort are still active after <paramref name="periods"/> periods.</summary>
    /// <param name="cohortSize">The cohort size at period 0, zero or greater.</param>
    /// <param name="periods">The number of periods, zero or greater.</param>
    /// <returns><c>cohortSize · S(t)</c> (an expectation, not rounded).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative.</exception>
    public double ProjectSurvivors(long cohortSize, int periods)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cohortSize);
        ArgumentOutOfRangeException.ThrowIfNegative(periods);
        return cohortSize * SurvivalUnchecked(Alpha, Beta, periods);
    }

    /// <summary>Gets the discounted expected lifetime (DEL) of a newly acquired customer, in periods: multiply by the margin per period
    /// to get the expected customer lifetime value at acquisition.</summary>
    /// <param name="discountRate">The discount rate per period d, positive and finite (e.g. 0.10 per year).</param>
    /// <returns><c>DEL = Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d))</c>; the payment at acquisition (t = 0) is undiscounted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discountRate"/> is not positive and finite, or so small (below about
    /// 1e-5) that the series cannot be summed.</exception>
    public double DiscountedExpectedLifetime(double discountRate)
    {
        double z = DiscountFactor(discountRate);
        double value = SpecialFunctions.Hypergeometric2F1(1d, Beta, Alpha + Beta, z);
        if (!double.IsFinite(value)) ThrowTooSmallRate(discountRate);
        return value;
    }

    /// <summary>Gets the discounted expected residual lifetime (DERL) of a customer who has made <paramref name="renewals"/> renewals,
    /// valued just before the decision on the next renewal.</summary>
    /// <param name="discountRate">The discount rate per period d, positive and finite.</param>
    /// <param name="renewals">Renewals the customer has made so far (0 for a customer in their first period), zero or greater.
    /// Fader and Hardie (2010) write the same quantity with <c>n = renewals + 1</c> (the customer's current period).</param>
    /// <returns><c>DERL = Σ_{k≥0} S(r + 1 + k)/S(r) / (1 + d)^k = (β + r)/(α + β + r) · ₂F₁(1, β + r + 1; α + β + r + 1; 1/(1 + d))</c>
    /// with <c>r</c> = <paramref name="renewals"/>; the next renewal's payment is undiscounted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="discountRate"/> is not positive and finite or too small (below
    /// about 1e-5), or <paramref name="renewals"/> is negative.</exception>
    /// <remarks>Multiply by the margin per period for the residual value of an existing customer. <c>DEL = 1 + DERL(r = 0)/(1 + d)</c>.</remarks>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        double z = DiscountFactor(discountRate);
        ArgumentOutOfRangeException.ThrowIfNegative(renewals);
        double r = renewals;
        double value = (Beta + r) / (Alpha + Beta + r) * SpecialFunctions.Hypergeometric2F1(1d, Beta + r + 1d, Alpha + Beta + r + 1d, z);
        if (!double.IsFinite(value)) ThrowTooSmallRate(discountRate);
        return value;
    }

    internal static double SurvivalUnchecked(double alpha, double beta, int periods)
    {
        if (periods <= 1000)
        {
            double s = 1d;
            for (int i = 0; i < periods; i++) s *= (beta + i) / (alpha + beta + i);
            return s;
        }
        return Math.Exp(SpecialFunctions.LogBeta(alpha, beta + periods) - SpecialFunctions.LogBeta(alpha, beta));
    }

    /// <summary>The sBG log-likelihood of survivor counts at given parameters (the paper's LL).</summary>
    internal static double LogLikelihoodOf(ReadOnlySpan<long> survivorsByPeriod, double alpha, double beta)
    {
        int n = survivorsByPeriod.Length - 1;
        var events = new long[n + 1];
        var censored = new long[n + 1];
        for (int t = 1; t <= n; t++) events[t] = survivorsByPeriod[t - 1] - survivorsByPeriod[t];
        censored[n] = survivorsByPeriod[n];
        return ComputeLogLikelihood(events, censored, alpha, beta, default);
    }

    // LL and its gradient with respect to (α, β); gradient is written when the span is not empty.
    private static double ComputeLogLikelihood(long[] events, long[] censored, double alpha, double beta, Span<double> gradient)
    {
        // Running sums over i < t: ln S(t) = Σ ln(β+i) − ln(α+β+i); ln P(T=t) = ln α − ln(α+β+t−1) + ln S(t−1).
        double logS = 0d, dSa = 0d, dSb = 0d;
        double ll = 0d; // censored at 0 contribute ln S(0) = 0
        double ga = 0d, gb = 0d;
        double logAlpha = Math.Log(alpha);
        for (int t = 1; t < events.Length; t++)
        {
            double ab = alpha + beta + t - 1;
            long d = events[t], c = censored[t];
            if (d != 0)
            {
                double logP = logAlpha - Math.Log(ab) + logS;
                ll += d * logP;
                ga += d * (1d / alpha - 1d / ab + dSa);
                gb += d * (-1d / ab + dSb);
            }
            double b = beta + t - 1;
            logS += Math.Log(b) - Math.Log(ab);
            dSa -= 1d / ab;
            dSb += 1d / b - 1d / ab;
            if (c != 0)
            {
                ll += c * logS;
                ga += c * dSa;
                gb += c * dSb;
            }
        }
        if (!gradient.IsEmpty)
        {
            gradient[0] = ga;
            gradient[1] = gb;
        }
        return ll;
    }

    private static ShiftedBetaGeometricModel FitCounts(long[] events, long[] censored, string paramName)
    {
        long churned = 0, customers = 0;
        int periodsWithChurn = 0, lastChurn = 0;
        for (int t = 0; t < events.Length; t++)
        {
            churned = checked(churned + events[t]);
            customers = checked(customers + events[t] + censored[t]);
            if (events[t] != 0)
            {
                periodsWithChurn++;
                lastChurn = t;
            }
        }
        if (customers == 0) ThrowHelper.ThrowArgument(paramName, "There are no customers to fit.");
        if (churned == 0)
            ThrowHelper.ThrowArgument(paramName, "No customer churned, so the sBG model cannot be fitted: the likelihood grows without bound as the churn probability goes to 0.");
        if (periodsWithChurn == 1)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"All churn fell in period {lastChurn}, so the sBG model cannot be fitted: α and β need churn in at least two periods (the likelihood has no finite maximum)."));

        ObjectiveWithGradient objective = (x, g) =>
        {
            double a = Math.Exp(x[0]), b = Math.Exp(x[1]);
            Span<double> grad = stackalloc double[2];
            double ll = ComputeLogLikelihood(events, censored, a, b, grad);
            if (!g.IsEmpty)
            {
                g[0] = -grad[0] * a / customers;
                g[1] = -grad[1] * b / customers;
            }
            return -ll / customers;
        };
        MinimizerResult result = Minimizer.Bfgs(objective, [0d, 0d]);
        double logAlpha = result.Minimizer[0], logBeta = result.Minimizer[1];
        double alpha = Math.Exp(logAlpha), beta = Math.Exp(logBeta);
        double logLikelihood = ComputeLogLikelihood(events, censored, alpha, beta, default);
        if (!double.IsFinite(logLikelihood) || !double.IsFinite(alpha) || !double.IsFinite(beta))
            ThrowHelper.ThrowInvalidOperation("The sBG fit failed: " + result.Message);
        if (Math.Abs(logAlpha) > BoundaryLogParameter || Math.Abs(logBeta) > BoundaryLogParameter)
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The sBG likelihood of these counts has no finite maximum: the optimum runs to the boundary (α = {alpha:G4}, β = {beta:G4}). Very large α and β mean no heterogeneity (a plain geometric model with churn {alpha / (alpha + beta):G4}); very small ones mean customers split into those who churn at once and those who never do."));

        double seAlpha = double.NaN, seBeta = double.NaN;
        Objective negative = x => -ComputeLogLikelihood(events, censored, x[0], x[1], default);
        Span<double> hessian = stackalloc double[4];
        Span<double> covariance = stackalloc double[4];
        if (Minimizer.TryNumericalHessian(negative, [alpha, beta], hessian)
            && Minimizer.TryInvertSymmetricPositiveDefinite(hessian, 2, covariance))
        {
            seAlpha = Math.Sqrt(covariance[0]);
            seBeta = Math.Sqrt(covariance[3]);
        }
        return new ShiftedBetaGeometricModel(alpha, beta, logLikelihood, result.Iterations, result.Converged, seAlpha, seBeta);
    }

    private static double DiscountFactor(double discountRate)
    {
        if (!(discountRate > 0d) || double.IsPositiveInfinity(discountRate))
            ThrowHelper.ThrowOutOfRange(nameof(discountRate), discountRate, "it must be positive and finite.");
        return 1d / (1d + discountRate);
    }

    private static void ThrowTooSmallRate(double discountRate) =>
        ThrowHelper.ThrowOutOfRange(nameof(discountRate), discountRate, "it is too small for the discounted sum to be evaluated; use a rate of at least 1e-5 per period.");
}
