using System.Globalization;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>The BG/NBD ("beta-geometric / negative binomial") buy-till-you-die model of repeat purchasing, fitted by maximum likelihood.</summary>
/// <remarks>
/// <para>Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", <em>Marketing Science</em> 24(2). While alive,
/// a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase the customer drops out with
/// probability p ~ Beta(a, b). Input per customer: repeat purchases <c>x</c>, recency <c>t_x</c> and age <c>T</c>
/// (<see cref="BgNbdObservation"/>). Every time (α, t, t_x, T) is in the unit of the data the model was fitted on.</para>
/// <para>Instances are immutable and thread-safe. A fitted model reports <see cref="LogLikelihood"/>, <see cref="Iterations"/>,
/// <see cref="Converged"/> and <see cref="StandardErrors"/>; check <see cref="Converged"/> before using the predictions.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.BgNbdModelJsonConverter))]
public sealed class BgNbdModel
{
    private BgNbdModel(double r, double alpha, double a, double b, double? logLikelihood, int iterations, bool converged,
        BgNbdParameters? standardErrors, double customers)
    {
        R = r;
        Alpha = alpha;
        A = a;
        B = b;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
        Converged = converged;
        StandardErrors = standardErrors;
        Customers = customers;
    }

    /// <summary>Gets the shape <c>r</c> of the gamma distribution of purchase rates.</summary>
    public double R { get; }

    /// <summary>Gets the scale <c>α</c> of the gamma distribution of purchase rates, in the data's time unit.</summary>
    public double Alpha { get; }

    /// <summary>Gets the first shape <c>a</c> of the beta distribution of dropout probabilities.</summary>
    public double A { get; }

    /// <summary>Gets the second shape <c>b</c> of the beta distribution of dropout probabilities.</summary>
    public double B { get; }

    /// <summary>Gets the four parameters together.</summary>
    public BgNbdParameters Parameters => new(R, Alpha, A, B);

    /// <summary>Gets the maximised log-likelihood (a sum over customers, without the penalty); <see langword="null"/> for a model made by <see cref="FromParameters"/>.</summary>
    public double? LogLikelihood { get; }

    /// <summary>Gets the optimizer iterations used by the fit; 0 for a model made by <see cref="FromParameters"/>.</summary>
    public int Iterations { get; }

    /// <summary>Gets whether the fit converged to a finite interior optimum (optimizer converged and the observed information is positive
    /// definite); <see langword="true"/> for a model made by <see cref="FromParameters"/>.</summary>
    public bool Converged { get; }

    /// <summary>Gets the standard errors of (r, α, a, b) from the inverse observed information; <see langword="null"/> when the fit did
    /// not converge, the information matrix is not positive definite, or the model was made by <see cref="FromParameters"/>.</summary>
    public BgNbdParameters? StandardErrors { get; }

    /// <summary>Gets the total weight (number of customers) of the data the model was fitted on; 0 for <see cref="FromParameters"/>.</summary>
    public double Customers { get; }

    /// <summary>Gets the serializable form of the model: its parameters and fit diagnostics.</summary>
    /// <returns>The data; <see cref="FromData"/> restores an equal model.</returns>
    public BgNbdModelData ToData() => new(R, Alpha, A, B, LogLikelihood, Iterations, Converged, StandardErrors, Customers);

    /// <summary>Restores a model from its serializable form, for example read back from JSON.</summary>
    /// <param name="data">The parameters and fit diagnostics.</param>
    /// <returns>The model, equal in every parameter and diagnostic to the one that was saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A parameter is not positive and finite, or the iterations or customers are negative; the message names the field.</exception>
    public static BgNbdModel FromData(BgNbdModelData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Serialization.DataCheck.Positive(data.R, nameof(data.R));
        Serialization.DataCheck.Positive(data.Alpha, nameof(data.Alpha));
        Serialization.DataCheck.Positive(data.A, nameof(data.A));
        Serialization.DataCheck.Positive(data.B, nameof(data.B));
        Serialization.DataCheck.NonNegative(data.Iterations, nameof(data.Iterations));
        Serialization.DataCheck.NonNegativeFinite(data.Customers, nameof(data.Customers));
        return new BgNbdModel(data.R, data.Alpha, data.A, data.B, data.LogLikelihood, data.Iterations, data.Converged, data.StandardErrors, data.Customers);
    }

    /// <summary>Creates a model with the given parameters, for example published ones.</summary>
    /// <param name="r">The shape of the purchase-rate distribution; finite and positive.</param>
    /// <param name="alpha">The scale of the purchase-rate distribution; finite and positive.</param>
    /// <param name="a">The first dropout shape; finite and positive.</param>
    /// <param name="b">The second dropout shape; finite and positive.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive.</exception>
    public static BgNbdModel FromParameters(double r, double alpha, double a, double b)
    {
        CheckPositive(r, nameof(r));
        CheckPositive(alpha, nameof(alpha));
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        return new BgNbdModel(r, alpha, a, b, null, 0, true, null, 0d);
    }

    /// <summary>Fits the model by maximum likelihood to per-customer (or grouped) observations.</summary>
    /// <param name="data">The observations <c>(x, t_x, T, weight)</c>, all times in one unit.</param>
    /// <param name="options">The penalty and iteration budget; <see langword="null"/> for the defaults.</param>
    /// <returns>The fitted model; its <see cref="Converged"/> says whether the optimum was found.</returns>
    /// <exception cref="ArgumentException">An observation is invalid (the message names its index and field), the total weight
    /// is 0 (no data), or no customer has a repeat purchase (the parameters are then not identified).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <remarks>
    /// <para>Maximises <c>Σ wᵢ ln Lᵢ − Wλ(r² + α² + a² + b²)</c> over the logarithms of the parameters with BFGS and the analytic
    /// gradient, starting at <c>r = a = b = 1</c>, <c>α = ΣwT / Σwx</c> (the mean time per repeat purchase), with a
    /// Nelder–Mead restart when BFGS stops early. The per-customer term is
    /// <c>ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln((α+T)^−(r+x) + [x&gt;0] a/(b+x−1) (α+t_x)^−(r+x))</c>,
    /// evaluated as a log-sum-exp so large frequencies do not overflow. Identical rows are merged into one
    /// weighted row after sorting, so the fit does not depend on the order of the observations and repeated rows cost once. Standard errors come from central differences of the analytic
    /// gradient in the natural parameters. Fits on disjoint customer sets do not combine; refit on the union.</para>
    /// <para>A fit without an interior maximum (a flat ridge with parameters running away, as with a single customer, or a
    /// parameter beyond e^±40) reports <see cref="Converged"/> = false and no standard errors.</para>
    /// </remarks>
    public static BgNbdModel Fit(ReadOnlySpan<BgNbdObservation> data, BgNbdFitOptions? options = null)
    {
        options ??= new BgNbdFitOptions();
        if (!(options.L2Penalty >= 0d) || !double.IsFinite(options.L2Penalty))
            ThrowHelper.ThrowOutOfRange("options.L2Penalty", options.L2Penalty, "it must be finite and zero or greater.");
        if (options.MaxIterations < 1)
            ThrowHelper.ThrowOutOfRange("options.MaxIterations", options.MaxIterations, "it must be 1 or greater.");
        BgNbdObservation.Validate(data, nameof(data));
        double sumT = 0d, sumX = 0d;
        for (int i = 0; i < data.Length; i++)
        {
            sumT += data[i].Weight * data[i].Age;
            sumX += data[i].Weight * data[i].Frequency;
        }
        using var likelihood = new BgNbdLikelihood(data);
        if (!(likelihood.TotalWeight > 0d))
            ThrowHelper.ThrowArgument(nameof(data), "data has no observation with a positive weight; BG/NBD needs customers to fit.");
        if (!(likelihood.RepeatWeight > 0d))
            ThrowHelper.ThrowArgument(nameof(data),
                "no customer in data has a repeat purchase (every frequency is 0); the BG/NBD parameters are not identified.");
        double alphaStart = sumT > 0d ? Math.Clamp(sumT / sumX, 1e-6, 1e6) : 1d;
        ModelFitting.Outcome outcome = ModelFitting.Maximize(likelihood.Evaluate, [1d, alphaStart, 1d, 1d],
            likelihood.TotalWeight, options.L2Penalty, options.MaxIterations);
        double[] p = outcome.Parameters;
        BgNbdParameters? se = outcome.StandardErrors is { } s ? new BgNbdParameters(s[0], s[1], s[2], s[3]) : null;
        return new BgNbdModel(p[0], p[1], p[2], p[3], outcome.LogLikelihood, outcome.Iterations, outcome.Converged, se,
            likelihood.TotalWeight);
    }

    /// <summary>Computes the log-likelihood of the given observations under this model's parameters.</summary>
    /// <param name="data">The observations.</param>
    /// <returns>The weighted sum of per-customer log-likelihoods; 0 for no data.</returns>
    /// <exception cref="ArgumentException">An observation is invalid.</exception>
    /// <remarks>Same formula as <see cref="Fit"/> (without the penalty). Sums over disjoint data add.</remarks>
    public double ComputeLogLikelihood(ReadOnlySpan<BgNbdObservation> data)
    {
        BgNbdObservation.Validate(data, nameof(data));
        using var likelihood = new BgNbdLikelihood(data);
        return likelihood.Evaluate([R, Alpha, A, B], []);
    }

    /// <summary>Computes the expected number of repeat purchases of a new customer within <paramref name="t"/> after the first purchase.</summary>
    /// <param name="t">The time span in the model's unit; finite and zero or greater.</param>
    /// <returns><c>E[X(t)]</c>; 0 at <c>t = 0</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    /// <exception cref="InvalidOperationException">The hypergeometric series does not converge (t more than about 10⁵ times α).</exception>
    /// <remarks><c>E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]</c> (FHL 2005 eq. 7); at a = 1 the removable
    /// singularity is bridged by interpolation between a = 1 ± 1e-4.</remarks>
    public double ExpectedPurchases(double t)
    {
        CheckTime(t, nameof(t));
        return ExpectedCore(t);
    }

    /// <summary>Writes <see cref="ExpectedPurchases(double)"/> for every time span.</summary>
    /// <param name="t">The time spans; each finite and zero or greater.</param>
    /// <param name="destination">Receives one value per time span.</param>
    /// <exception cref="ArgumentException">An element of <paramref name="t"/> is invalid, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>No allocation.</remarks>
    public void ExpectedPurchases(ReadOnlySpan<double> t, Span<double> destination)
    {
        if (destination.Length < t.Length) ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, t.Length);
        for (int i = 0; i < t.Length; i++)
            if (!(t[i] >= 0d) || !double.IsFinite(t[i])) ThrowHelper.ThrowElement(nameof(t), i, t[i], "times must be finite and zero or greater.");
        for (int i = 0; i < t.Length; i++) destination[i] = ExpectedCore(t[i]);
    }

    /// <summary>Computes the expected number of purchases in the next <paramref name="t"/> of a customer with history (x, t_x, T).</summary>
    /// <param name="t">The future time span in the model's unit; finite and zero or greater.</param>
    /// <param name="frequency">The repeat purchases <c>x</c>.</param>
    /// <param name="recency">The recency <c>t_x</c>.</param>
    /// <param name="age">The age <c>T</c>.</param>
    /// <returns><c>E[Y(t) | x, t_x, T]</c>; 0 at <c>t = 0</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or <paramref name="age"/> is below <paramref name="recency"/>.</exception>
    /// <exception cref="InvalidOperationException">The hypergeometric series does not converge (t more than about 10⁵ times α + T).</exception>
    /// <remarks><c>E[Y(t)|x,t_x,T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + [x&gt;0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x))</c>
    /// (FHL 2005 eq. 10), with the power in the denominator taken in logs so a large frequency cannot overflow.</remarks>
    public double ConditionalExpectedPurchases(double t, double frequency, double recency, double age)
    {
        CheckTime(t, nameof(t));
        CheckCustomer(frequency, recency, age);
        return ConditionalCore(t, frequency, recency, age);
    }

    /// <summary>Writes <see cref="ConditionalExpectedPurchases(double, double, double, double)"/> for every customer.</summary>
    /// <param name="t">The future time span; finite and zero or greater.</param>
    /// <param name="customers">The customers' observations (weights are ignored).</param>
    /// <param name="destination">Receives one value per customer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">An observation is invalid, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>No allocation; one pass over the span.</remarks>
    public void ConditionalExpectedPurchases(double t, ReadOnlySpan<BgNbdObservation> customers, Span<double> destination)
    {
        CheckTime(t, nameof(t));
        if (destination.Length < customers.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, customers.Length);
        BgNbdObservation.Validate(customers, nameof(customers));
        for (int i = 0; i < customers.Length; i++)
            destination[i] = ConditionalCore(t, customers[i].Frequency, customers[i].Recency, customers[i].Age);
    }

    /// <summary>Computes the probability that a customer with history (x, t_x, T) is still alive at T.</summary>
    /// <param name="frequency">The repeat purchases <c>x</c>.</param>
    /// <param name="recency">The recency <c>t_x</c>.</param>
    /// <param name="age">The age <c>T</c>.</param>
    /// <returns><c>P(alive | x, t_x, T)</c> in [0, 1]; exactly 1 when <c>x = 0</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite, or <paramref name="age"/> is below <paramref name="recency"/>.</exception>
    /// <remarks><c>P(alive) = 1 / (1 + [x&gt;0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x))</c> (FHL 2005 eq. 11), evaluated in logs.</remarks>
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        CheckCustomer(frequency, recency, age);
        return AliveCore(frequency, recency, age);
    }

    /// <summary>Writes <see cref="ProbabilityAlive(double, double, double)"/> for every customer.</summary>
    /// <param name="customers">The customers' observations (weights are ignored).</param>
    /// <param name="destination">Receives one probability per customer.</param>
    /// <exception cref="ArgumentException">An observation is invalid, or <paramref name="destination"/> is too short.</exception>
    /// <remarks>No allocation; one pass over the span.</remarks>
    public void ProbabilityAlive(ReadOnlySpan<BgNbdObservation> customers, Span<double> destination)
    {
        if (destination.Length < customers.Length)
            ThrowHelper.ThrowDestinationTooShort(nameof(destination), destination.Length, customers.Length);
        BgNbdObservation.Validate(customers, nameof(customers));
        for (int i = 0; i < customers.Length; i++)
            destination[i] = AliveCore(customers[i].Frequency, customers[i].Recency, customers[i].Age);
    }

    /// <summary>Computes the probability that a new customer makes exactly <paramref name="purchases"/> repeat purchases within <paramref name="t"/>.</summary>
    /// <param name="t">The time span in the model's unit; finite and zero or greater.</param>
    /// <param name="purchases">The number of repeat purchases n; zero or greater.</param>
    /// <returns><c>P(X(t) = n)</c> in [0, 1]; at <c>t = 0</c>, 1 for n = 0 and 0 otherwise.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> or <paramref name="purchases"/> is out of range.</exception>
    /// <remarks><c>P(X(t)=n) = B(a, b+n)/B(a, b) · NB(n; r, α/(α+t)) + [n&gt;0] B(a+1, b+n−1)/B(a, b) · P(NB ≥ n)</c> (FHL 2005 eq. 8), where
    /// the negative-binomial tail <c>1 − (α/(α+t))^r Σ_{j&lt;n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j</c> is evaluated as the regularized incomplete
    /// beta <c>I_{t/(α+t)}(n, r)</c>, so it keeps full relative precision far in the tail.</remarks>
    public double ProbabilityOfPurchases(double t, int purchases)
    {
        CheckTime(t, nameof(t));
        ArgumentOutOfRangeException.ThrowIfNegative(purchases);
        if (t == 0d) return purchases == 0 ? 1d : 0d;
        double n = purchases;
        double logP = Math.Log(Alpha) - Math.Log(Alpha + t);      // ln(α/(α+t))
        double logQ = Math.Log(t) - Math.Log(Alpha + t);          // ln(t/(α+t))
        double logBetaAB = SpecialFunctions.LogBeta(A, B);
        double first = Math.Exp(SpecialFunctions.LogBeta(A, B + n) - logBetaAB
            + SpecialFunctions.LogGamma(R + n) - SpecialFunctions.LogGamma(R) - SpecialFunctions.LogGamma(n + 1d)
            + R * logP + (purchases == 0 ? 0d : n * logQ));
        if (purchases == 0) return Math.Min(1d, first);
        double q = t / (Alpha + t), p = Alpha / (Alpha + t);
        double tail = SpecialFunctions.BetaRegularized(n, R, q, p);
        double second = Math.Exp(SpecialFunctions.LogBeta(A + 1d, B + n - 1d) - logBetaAB) * tail;
        return Math.Clamp(first + second, 0d, 1d);
    }

    private double ExpectedCore(double t)
    {
        if (t == 0d) return 0d;
        if (Math.Abs(A - 1d) >= LifetimeMath.NearOne) return ExpectedAt(A, t);
        double below = ExpectedAt(1d - LifetimeMath.NearOne, t), above = ExpectedAt(1d + LifetimeMath.NearOne, t);
        return below + (A - (1d - LifetimeMath.NearOne)) / (2d * LifetimeMath.NearOne) * (above - below);
    }

    private double ExpectedAt(double a, double t)
    {
        double value = Bracket(a, B, R, Alpha, t);
        if (double.IsNaN(value)) ThrowSeriesFailed(t);
        return Math.Max(0d, value);
    }

    /// <summary>Computes <c>c/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; c; t/(α+t))]</c> with <c>c = a + b − 1</c>: the expectation of FHL
    /// 2005 eq. 9 as given, and the numerator of eq. 10 with b + x, r + x and α + T.</summary>
    /// <remarks>At <c>a + b = 1</c> (c = 0) the product is the limit: <c>c · ₂F₁(r, b; c; z) → r·b·z · ₂F₁(r+1, b+1; 2; z)</c> (the
    /// series' first term vanishes with c, every later one loses its factor c), and <c>c/(a−1) · 1 → 0</c>.</remarks>
    private static double Bracket(double a, double b, double r, double alpha, double t)
    {
        double c = a + b - 1d;
        double z = t / (alpha + t);
        double logPower = r * (Math.Log(alpha) - Math.Log(alpha + t));
        if (c == 0d)
        {
            double logLimit = LifetimeMath.LogHypergeometric(r + 1d, b + 1d, 2d, z, out double limitSign);
            return limitSign * Math.Exp(logPower + Math.Log(r * b * z) + logLimit) / (1d - a);
        }
        double logHyp = LifetimeMath.LogHypergeometric(r, b, c, z, out double sign);
        return c / (a - 1d) * LifetimeMath.OneMinusSignedExp(logPower + logHyp, sign);
    }

    private double ConditionalCore(double t, double x, double tx, double age)
    {
        if (t == 0d) return 0d;
        double numerator;
        if (Math.Abs(A - 1d) >= LifetimeMath.NearOne)
        {
            numerator = ConditionalNumerator(A, t, x, age);
        }
        else
        {
            double below = ConditionalNumerator(1d - LifetimeMath.NearOne, t, x, age);
            double above = ConditionalNumerator(1d + LifetimeMath.NearOne, t, x, age);
            numerator = below + (A - (1d - LifetimeMath.NearOne)) / (2d * LifetimeMath.NearOne) * (above - below);
        }
        return Math.Max(0d, numerator * AliveCore(x, tx, age));
    }

    private double ConditionalNumerator(double a, double t, double x, double age)
    {
        double value = Bracket(a, B + x, R + x, Alpha + age, t);
        if (double.IsNaN(value)) ThrowSeriesFailed(t);
        return value;
    }

    private static void ThrowSeriesFailed(double t) =>
        ThrowHelper.ThrowInvalidOperation(string.Create(CultureInfo.InvariantCulture,
            $"The hypergeometric series of the BG/NBD expectation did not converge for t = {t}; t is too long relative to the model's time scale."));

    private double AliveCore(double x, double tx, double age)
    {
        if (x == 0d) return 1d;
        double log = Math.Log(A) - Math.Log(B + x - 1d) + (R + x) * (Math.Log(Alpha + age) - Math.Log(Alpha + tx));
        if (log > 0d)
        {
            double e = Math.Exp(-log);
            return e / (1d + e);
        }
        return 1d / (1d + Math.Exp(log));
    }

    internal static void CheckPositive(double value, string paramName)
    {
        if (!(value > 0d) || !double.IsFinite(value)) ThrowHelper.ThrowOutOfRange(paramName, value, "it must be finite and greater than 0.");
    }

    internal static void CheckTime(double t, string paramName)
    {
        if (!(t >= 0d) || !double.IsFinite(t)) ThrowHelper.ThrowOutOfRange(paramName, t, "it must be finite and zero or greater.");
    }

    private static void CheckCustomer(double frequency, double recency, double age)
    {
        if (!(frequency >= 0d) || !double.IsFinite(frequency))
            ThrowHelper.ThrowOutOfRange(nameof(frequency), frequency, "it must be finite and zero or greater.");
        if (!(recency >= 0d) || !double.IsFinite(recency))
            ThrowHelper.ThrowOutOfRange(nameof(recency), recency, "it must be finite and zero or greater.");
        if (!(age >= recency) || !double.IsFinite(age))
            ThrowHelper.ThrowOutOfRange(nameof(age), age, string.Create(CultureInfo.InvariantCulture, $"it must be finite and at least the recency ({recency})."));
    }

    /// <summary>Returns the parameters as text, for diagnostics.</summary>
    /// <returns>The parameters, log-likelihood and convergence flag.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BG/NBD r={R:G6} alpha={Alpha:G6} a={A:G6} b={B:G6} LL={LogLikelihood:G10} converged={Converged}");
}
