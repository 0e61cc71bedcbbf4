using System.Buffers;
using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>The Gamma-Gamma model of the monetary value of repeat purchases, fitted by maximum likelihood, and the CLV that combines it with BG/NBD.</summary>
/// <remarks>
/// <para>Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves", <em>JMR</em> 42; Fader and Hardie (2013),
/// "The Gamma-Gamma Model of Monetary Value". Each transaction value is Gamma(p, ν); across customers ν ~ Gamma(q, γ).
/// The model assumes a customer's spend is independent of how often they buy: <see cref="FrequencyValueCorrelation"/>
/// reports the Pearson correlation between x and z̄ among repeat customers, and <see cref="HasCorrelationWarning"/> flags
/// |ρ| ≥ <see cref="CorrelationWarningThreshold"/>.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.GammaGammaModelJsonConverter))]
public sealed class GammaGammaModel
{
    /// <summary>The |correlation| between frequency and mean value from which <see cref="HasCorrelationWarning"/> is raised: 0.3.</summary>
    public const double CorrelationWarningThreshold = 0.3;

    private GammaGammaModel(double p, double q, double gamma, double? logLikelihood, int iterations, bool converged,
        GammaGammaParameters? standardErrors, double customers, double correlation)
    {
        P = p;
        Q = q;
        Gamma = gamma;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
        Converged = converged;
        StandardErrors = standardErrors;
        Customers = customers;
        FrequencyValueCorrelation = correlation;
    }

    /// <summary>Gets the shape <c>p</c> of each transaction value's gamma distribution.</summary>
    public double P { get; }

    /// <summary>Gets the shape <c>q</c> of the distribution of the customers' scale parameter ν.</summary>
    public double Q { get; }

    /// <summary>Gets the scale <c>γ</c> of the distribution of ν, in money units.</summary>
    public double Gamma { get; }

    /// <summary>Gets the three parameters together.</summary>
    public GammaGammaParameters Parameters => new(P, Q, Gamma);

    /// <summary>Gets the maximised log-likelihood (without the penalty); <see langword="null"/> for a model made by <see cref="FromParameters"/>.</summary>
    public double? LogLikelihood { get; }

    /// <summary>Gets the optimizer iterations used; 0 for a model made by <see cref="FromParameters"/>.</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the fit converged to a finite interior optimum (optimizer converged and the observed information is positive
    /// definite); <see langword="true"/> for a model made by <see cref="FromParameters"/>.</summary>
    public bool Converged { get; }

    /// <summary>Gets the standard errors of (p, q, γ) from the inverse observed information; <see langword="null"/> when unavailable.</summary>
    public GammaGammaParameters? StandardErrors { get; }

    /// <summary>Gets the total weight of the rows with <c>x &gt; 0</c> the model was fitted on; 0 for <see cref="FromParameters"/>.</summary>
    public double Customers { get; }

    /// <summary>Gets the weighted Pearson correlation between frequency and mean value among the fitted rows; 0 when either is constant or for <see cref="FromParameters"/>.</summary>
    public double FrequencyValueCorrelation { get; }

    /// <summary>Gets whether |<see cref="FrequencyValueCorrelation"/>| reaches <see cref="CorrelationWarningThreshold"/>, so the model's independence assumption is doubtful.</summary>
    public bool HasCorrelationWarning => Math.Abs(FrequencyValueCorrelation) >= CorrelationWarningThreshold;

    /// <summary>Gets the population mean transaction value <c>pγ/(q−1)</c>; +∞ when <c>q ≤ 1</c> (the mean does not exist).</summary>
    public double PopulationMeanValue => Q > 1d ? P * Gamma / (Q - 1d) : double.PositiveInfinity;

    /// <summary>Gets the serializable form of the model: its parameters and fit diagnostics.</summary>
    /// <returns>The data; <see cref="FromData"/> restores an equal model.</returns>
    public GammaGammaModelData ToData() =>
        new(P, Q, Gamma, LogLikelihood, Iterations, Converged, StandardErrors, Customers, FrequencyValueCorrelation);

    /// <summary>Restores a model from its serializable form, for example read back from JSON.</summary>
    /// <param name="data">The parameters and fit diagnostics.</param>
    /// <returns>The model, equal in every parameter and diagnostic to the one that was saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is not positive and finite, the iterations or customers are negative, or the
    /// correlation is outside [−1, 1]; the message names the field.</exception>
    public static GammaGammaModel FromData(GammaGammaModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Serialization.DataCheck.Positive(data.P, nameof(data.P));
        Serialization.DataCheck.Positive(data.Q, nameof(data.Q));
        Serialization.DataCheck.Positive(data.Gamma, nameof(data.Gamma));
        Serialization.DataCheck.NonNegative(data.Iterations, nameof(data.Iterations));
        Serialization.DataCheck.NonNegativeFinite(data.Customers, nameof(data.Customers));
        if (!(Math.Abs(data.FrequencyValueCorrelation) <= 1d))
            Serialization.DataCheck.Throw(string.Create(CultureInfo.InvariantCulture,
                $"data.FrequencyValueCorrelation is {data.FrequencyValueCorrelation}; it must be in the range [-1, 1]."));
        return new GammaGammaModel(data.P, data.Q, data.Gamma, data.LogLikelihood, data.Iterations, data.Converged, data.StandardErrors,
            data.Customers, data.FrequencyValueCorrelation);
    }

    /// <summary>Creates a model with the given parameters, for example published ones.</summary>
    /// <param name="p">The transaction-value shape; finite and positive.</param>
    /// <param name="q">The shape of ν; finite and positive.</param>
    /// <param name="gamma">The scale of ν; finite and positive.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive.</exception>
    public static GammaGammaModel FromParameters(double p, double q, double gamma)
    {
        BgNbdModel.CheckPositive(p, nameof(p));
        BgNbdModel.CheckPositive(q, nameof(q));
        BgNbdModel.CheckPositive(gamma, nameof(gamma));
        return new GammaGammaModel(p, q, gamma, null, 0, true, null, 0d, 0d);
    }

    /// <summary>Fits the model by maximum likelihood to the rows with at least one repeat purchase.</summary>
    /// <param name="data">The observations <c>(x, z̄, weight)</c>; rows with <c>x = 0</c> are skipped (they carry no spend information).</param>
    /// <param name="options">The penalty and iteration budget; <see langword="null"/> for the defaults.</param>
    /// <returns>The fitted model, with the correlation diagnostic.</returns>
    /// <exception cref="ArgumentException">An observation is invalid (the message names its index and field), or no row has
    /// <c>x &gt; 0</c> with a positive weight.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>
    /// <para>Maximises <c>Σ w [ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)]</c> minus
    /// <c>Wλ(p² + q² + γ²)</c> over log-parameters with BFGS and the analytic gradient, starting at <c>p = 1, q = 2, γ = </c> the
    /// weighted mean of z̄. When every customer has the same mean value, the likelihood has no interior maximum and
    /// <see cref="Converged"/> is false. Fits on disjoint customer sets do not combine; refit on the union.</para>
    /// </remarks>
    public static GammaGammaModel Fit(ReadOnlySpan<GammaGammaObservation> data, GammaGammaFitOptions? options = null)
    {
        options ??= new GammaGammaFitOptions();
        if (!(options.L2Penalty >= 0d) || !double.IsFinite(options.L2Penalty))
            ThrowHelper.ThrowOutOfRange("options.L2Penalty", options.L2Penalty, "it must be finite and zero or greater.");
        if (options.MaxIterations < 1)
            ThrowHelper.ThrowOutOfRange("options.MaxIterations", options.MaxIterations, "it must be 1 or greater.");
        GammaGammaObservation.Validate(data, nameof(data));
        using var likelihood = new GammaGammaLikelihood(data);
        if (!(likelihood.TotalWeight > 0d))
            ThrowHelper.ThrowArgument(nameof(data), "data has no row with a repeat purchase (x > 0) and a positive weight; Gamma-Gamma needs repeat customers to fit.");
        ModelFitting.Outcome outcome = ModelFitting.Maximize(likelihood.Evaluate, [1d, 2d, likelihood.MeanValue],
            likelihood.TotalWeight, options.L2Penalty, options.MaxIterations);
        double[] p = outcome.Parameters;
        GammaGammaParameters? se = outcome.StandardErrors is { } s ? new GammaGammaParameters(s[0], s[1], s[2]) : null;
        return new GammaGammaModel(p[0], p[1], p[2], outcome.LogLikelihood, outcome.Iterations, outcome.Converged, se,
            likelihood.TotalWeight, likelihood.Correlation);
    }

    /// <summary>Computes the log-likelihood of the given observations under this model's parameters.</summary>
    /// <param name="data">The observations; rows with <c>x = 0</c> contribute nothing.</param>
    /// <returns>The weighted sum of per-customer log-likelihoods; 0 for no data.</returns>
    /// <exception cref="ArgumentException">An observation is invalid.</exception>
    /// <remarks>Same formula as <see cref="Fit"/> (without the penalty). Sums over disjoint data add.</remarks>
    public double ComputeLogLikelihood(ReadOnlySpan<GammaGammaObservation> data)
    {
        GammaGammaObservation.Validate(data, nameof(data));
        using var likelihood = new GammaGammaLikelihood(data);
        return likelihood.Evaluate([P, Q, Gamma], []);
    }

    /// <summary>Computes the expected mean transaction value of a customer with <paramref name="frequency"/> repeat purchases of mean <paramref name="meanValue"/>.</summary>
    /// <param name="frequency">The repeat purchases <c>x</c>; zero or greater.</param>
    /// <param name="meanValue">Their mean value <c>z̄</c>; zero or greater (ignored when <c>x = 0</c>).</param>
    /// <returns><c>E[Z | x, z̄]</c>; the population mean <c>pγ/(q−1)</c> when <c>x = 0</c>; +∞ when <c>px + q ≤ 1</c> (no finite mean).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    /// <remarks><c>E[Z|x,z̄] = p(γ + x z̄)/(px + q − 1)</c>, a weighted mean of the population mean and z̄ with weight
    /// <c>px/(px+q−1)</c> on z̄. Linear in money: scaling γ and z̄ by c scales the result by c.</remarks>
    public double ConditionalExpectedAverageValue(double frequency, double meanValue)
    {
        if (!(frequency >= 0d) || !double.IsFinite(frequency))
            ThrowHelper.ThrowOutOfRange(nameof(frequency), frequency, "it must be finite and zero or greater.");
        if (!(meanValue >= 0d) || !double.IsFinite(meanValue))
            ThrowHelper.ThrowOutOfRange(nameof(meanValue), meanValue, "it must be finite and zero or greater.");
        return ExpectedValueCore(frequency, meanValue);
    }

    /// <summary>Writes <see cref="ConditionalExpectedAverageValue(double, double)"/> for every row.</summary>
    /// <param name="data">The observations (weights ignored).</param>
    /// <param name="destination">Receives one value per row.</param>
    /// <exception cref="ArgumentException">An observation is invalid, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>No allocation.</remarks>
    public void ConditionalExpectedAverageValue(ReadOnlySpan<GammaGammaObservation> data, Span<double> destination)
    {
        if (destination.Length < data.Length) ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, data.Length);
        GammaGammaObservation.Validate(data, nameof(data));
        for (int i = 0; i < data.Length; i++) destination[i] = ExpectedValueCore(data[i].Frequency, data[i].MeanValue);
    }

    /// <summary>Computes a customer's lifetime value over a horizon: expected purchases per period from BG/NBD times the expected value from this model, discounted per period.</summary>
    /// <param name="purchases">The BG/NBD model (its time unit defines <see cref="ClvHorizon.PeriodLength"/>).</param>
    /// <param name="customer">The customer's BG/NBD observation (weight ignored).</param>
    /// <param name="meanValue">The customer's mean repeat value <c>z̄</c>; zero or greater.</param>
    /// <param name="horizon">The number of periods, their length and the discount rate.</param>
    /// <returns><c>CLV = Σ_{m=1..M} E[Z|x,z̄] · (CE(mL) − CE((m−1)L)) / (1+d)^m</c>; 0 when the expected value is 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The observation, mean value or horizon is out of range.</exception>
    /// <remarks>CE is <see cref="BgNbdModel.ConditionalExpectedPurchases(double, double, double, double)"/>, L the period
    /// length and d the per-period rate. With <see cref="ClvHorizon.LifetimesMonthsInWeeks"/> this is the lifetimes package's
    /// <c>customer_lifetime_value(…, time=M, discount_rate=d, freq="W")</c>. Linear in money.</remarks>
    public double CustomerLifetimeValue(BgNbdModel purchases, BgNbdObservation customer, double meanValue, ClvHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        horizon.Validate(nameof(horizon));
        if (!(customer.Frequency >= 0d) || !double.IsFinite(customer.Frequency) || !(customer.Recency >= 0d) || !double.IsFinite(customer.Recency)
            || !(customer.Age >= customer.Recency) || !double.IsFinite(customer.Age))
            ThrowHelper.ThrowOutOfRange(nameof(customer), customer, "frequency, recency and age must be finite and non-negative, with age at least the recency.");
        if (!(meanValue >= 0d) || !double.IsFinite(meanValue))
            ThrowHelper.ThrowOutOfRange(nameof(meanValue), meanValue, "it must be finite and zero or greater.");
        return ClvCore(purchases, customer, meanValue, horizon);
    }

    /// <summary>Writes <see cref="CustomerLifetimeValue(BgNbdModel, BgNbdObservation, double, ClvHorizon)"/> for every customer.</summary>
    /// <param name="purchases">The BG/NBD model.</param>
    /// <param name="customers">The customers' BG/NBD observations.</param>
    /// <param name="meanValues">The customers' mean repeat values, same length as <paramref name="customers"/>.</param>
    /// <param name="horizon">The number of periods, their length and the discount rate.</param>
    /// <param name="destination">Receives one value per customer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is out of range.</exception>
    /// <exception cref="ArgumentException">An element is invalid, the spans differ in length, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>No allocation; one pass.</remarks>
    public void CustomerLifetimeValue(BgNbdModel purchases, ReadOnlySpan<BgNbdObservation> customers, ReadOnlySpan<double> meanValues,
        ClvHorizon horizon, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        horizon.Validate(nameof(horizon));
        if (meanValues.Length != customers.Length)
            ThrowHelper.ThrowArgument(nameof(meanValues), string.Create(CultureInfo.InvariantCulture,
                $"meanValues has length {meanValues.Length}; it must match customers ({customers.Length})."));
        if (destination.Length < customers.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, customers.Length);
        BgNbdObservation.Validate(customers, nameof(customers));
        for (int i = 0; i < meanValues.Length; i++)
            if (!(meanValues[i] >= 0d) || !double.IsFinite(meanValues[i]))
                ThrowHelper.ThrowElement(nameof(meanValues), i, meanValues[i], "mean values must be finite and zero or greater.");
        for (int i = 0; i < customers.Length; i++) destination[i] = ClvCore(purchases, customers[i], meanValues[i], horizon);
    }

    private double ClvCore(BgNbdModel purchases, BgNbdObservation c, double meanValue, ClvHorizon horizon)
    {
        double value = ExpectedValueCore(c.Frequency, meanValue);
        if (value == 0d) return 0d;
        double total = 0d, previous = 0d, discount = 1d;
        for (int m = 1; m <= horizon.Periods; m++)
        {
            double current = purchases.ConditionalExpectedPurchases(m * horizon.PeriodLength, c.Frequency, c.Recency, c.Age);
            discount *= 1d + horizon.DiscountRate;
            total += value * (current - previous) / discount;
            previous = current;
        }
        return total;
    }

    private double ExpectedValueCore(double x, double meanValue)
    {
        double px = P * x;
        double denominator = px + Q - 1d;
        if (!(denominator > 0d)) return double.PositiveInfinity;
        return P * (Gamma + (x > 0d ? x * meanValue : 0d)) / denominator;
    }

    /// <summary>Returns the parameters as text, for diagnostics.</summary>
    /// <returns>The parameters, log-likelihood and convergence flag.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Gamma-Gamma p={P:G6} q={Q:G6} gamma={Gamma:G6} LL={LogLikelihood:G10} converged={Converged}");

    /// <summary>The Gamma-Gamma log-likelihood over the rows with x &gt; 0 and its analytic gradient in (p, q, γ).</summary>
    private sealed class GammaGammaLikelihood : IDisposable
    {
        private readonly double[] _x;
        private readonly double[] _logX;
        private readonly double[] _m;
        private readonly double[] _logM;
        private readonly double[] _w;
        private readonly int _count;

        internal GammaGammaLikelihood(ReadOnlySpan<GammaGammaObservation> data)
        {
            int size = Math.Max(1, data.Length);
            _x = ArrayPool<double>.Shared.Rent(size);
            _logX = ArrayPool<double>.Shared.Rent(size);
            _m = ArrayPool<double>.Shared.Rent(size);
            _logM = ArrayPool<double>.Shared.Rent(size);
            _w = ArrayPool<double>.Shared.Rent(size);
            double sw = 0d, sx = 0d, sm = 0d;
            for (int i = 0; i < data.Length; i++)
            {
                GammaGammaObservation o = data[i];
                if (!(o.Frequency > 0d) || !(o.Weight > 0d)) continue;
                _x[_count] = o.Frequency;
                _logX[_count] = Math.Log(o.Frequency);
                _m[_count] = o.MeanValue;
                _logM[_count] = Math.Log(o.MeanValue);
                _w[_count] = o.Weight;
                sw += o.Weight;
                sx += o.Weight * o.Frequency;
                sm += o.Weight * o.MeanValue;
                _count++;
            }
            TotalWeight = sw;
            if (sw > 0d)
            {
                double mx = sx / sw, mm = sm / sw, cxx = 0d, cmm = 0d, cxm = 0d;
                MeanValue = mm;
                for (int i = 0; i < _count; i++)
                {
                    double dx = _x[i] - mx, dm = _m[i] - mm;
                    cxx += _w[i] * dx * dx;
                    cmm += _w[i] * dm * dm;
                    cxm += _w[i] * dx * dm;
                }
                Correlation = cxx > 0d && cmm > 0d ? Math.Clamp(cxm / Math.Sqrt(cxx * cmm), -1d, 1d) : 0d;
            }
        }

        internal double TotalWeight { get; }

        internal double MeanValue { get; }

        internal double Correlation { get; }

        public void Dispose()
        {
            ArrayPool<double>.Shared.Return(_x);
            ArrayPool<double>.Shared.Return(_logX);
            ArrayPool<double>.Shared.Return(_m);
            ArrayPool<double>.Shared.Return(_logM);
            ArrayPool<double>.Shared.Return(_w);
        }

        internal double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            double p = parameters[0], q = parameters[1], gamma = parameters[2];
            bool wantGradient = gradient.Length >= 3;
            double logGamma = Math.Log(gamma), lgQ = SpecialFunctions.LogGamma(q), psiQ = wantGradient ? SpecialFunctions.Digamma(q) : 0d;
            double ll = 0d, gp = 0d, gq = 0d, gg = 0d;
            for (int i = 0; i < _count; i++)
            {
                double w = _w[i], x = _x[i], px = p * x;
                double denominator = gamma + _m[i] * x;
                double logDen = Math.Log(denominator);
                ll += w * (SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - lgQ + q * logGamma
                    + (px - 1d) * _logM[i] + px * _logX[i] - (px + q) * logDen);
                if (wantGradient)
                {
                    double psiPxq = SpecialFunctions.Digamma(px + q);
                    gp += w * x * (psiPxq - SpecialFunctions.Digamma(px) + _logM[i] + _logX[i] - logDen);
                    gq += w * (psiPxq - psiQ + logGamma - logDen);
                    gg += w * (q / gamma - (px + q) / denominator);
                }
            }
            if (wantGradient)
            {
                gradient[0] = gp;
                gradient[1] = gq;
                gradient[2] = gg;
            }
            return ll;
        }
    }
}
