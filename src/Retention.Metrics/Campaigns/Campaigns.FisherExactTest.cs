using System.Buffers;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

public static partial class Campaigns
{
    /// <summary>Tests whether two groups' rates differ with Fisher's exact test (two-sided), for small counts.</summary>
    /// <param name="treated">The mailed (treated) group.</param>
    /// <param name="control">The holdout (control) group.</param>
    /// <param name="outcome">Which count to compare: responders (default) or orders.</param>
    /// <param name="confidenceLevel">The confidence level of the odds-ratio interval in (0, 1); 0.95 by default.</param>
    /// <returns>The probability of the observed table (as <see cref="TestResult.Statistic"/>), the two-sided p-value, the
    /// conditional maximum-likelihood odds ratio and its exact interval (bounds may be 0 or +∞). There is no empty-input value:
    /// each group needs at least one customer. When the margins allow a single table, p = 1, the odds ratio is 0 and the interval
    /// is [0, +∞].</returns>
    /// <exception cref="ArgumentException">A group has <c>Mailed = 0</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1), or
    /// <paramref name="outcome"/> is not a defined value.</exception>
    /// <remarks>
    /// <para>Conditioning on the margins, the treated successes <c>X</c> are hypergeometric. The two-sided p-value follows R's
    /// <c>fisher.test</c>: the sum of <c>P(X = k)</c> over every table with <c>P(X = k) ≤ P(X = x)·(1 + 1e-7)</c> (the relative
    /// tolerance absorbs rounding ties). The odds ratio is the conditional MLE (the ψ whose noncentral hypergeometric mean is
    /// <c>x</c>) and the interval inverts the two one-sided tests at <c>(1 − level)/2</c> each, also as in R (which solves with
    /// <c>uniroot</c> at about 1e-4 tolerance; this method solves to about 1e-10).</para>
    /// <para>Cost is O(min(successes, mailed)) per evaluation; the interval needs about 100 evaluations. Results are not combined.</para>
    /// </remarks>
    public static TestResult FisherExactTest(CampaignGroup treated, CampaignGroup control,
        CampaignOutcome outcome = CampaignOutcome.Response, double confidenceLevel = 0.95)
    {
        RequireMailed(treated, nameof(treated));
        RequireMailed(control, nameof(control));
        ValidateOutcome(outcome, nameof(outcome));
        ValidateConfidence(confidenceLevel, nameof(confidenceLevel));
        long x = treated.Successes(outcome);
        long m = x + control.Successes(outcome);                         // successes (first column)
        long n = treated.Mailed + control.Mailed - m;                    // failures (second column)
        long k = treated.Mailed;                                         // first row
        long lo = Math.Max(0L, k - n), hi = Math.Min(k, m);
        int size = checked((int)(hi - lo + 1));
        double[] logPmf = ArrayPool<double>.Shared.Rent(size);
        try
        {
            for (int i = 0; i < size; i++)
                logPmf[i] = HypergeometricDistribution.LogPmf(lo + i, m + n, m, k);
            var table = new FisherTable(logPmf, size, lo, x);
            double observedProbability = Math.Exp(logPmf[x - lo]);
            double p = table.TwoSidedPValue();
            double alpha = 0.5d * (1d - confidenceLevel);
            double estimate = table.ConditionalMle(hi);
            double lower = x == lo ? 0d : table.SolveLogOdds(alpha, upperTail: true);
            double upper = x == hi ? double.PositiveInfinity : table.SolveLogOdds(alpha, upperTail: false);
            return new TestResult(observedProbability, p, estimate, new Interval(lower, upper), null, confidenceLevel);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(logPmf);
        }
    }

    /// <summary>The conditional (noncentral hypergeometric) distribution of the treated successes given the margins.</summary>
    private readonly struct FisherTable(double[] logPmf, int size, long lo, long x)
    {
        private readonly int _observed = (int)(x - lo);

        public double TwoSidedPValue()
        {
            double max = double.NegativeInfinity;
            for (int i = 0; i < size; i++) max = Math.Max(max, logPmf[i]);
            double threshold = logPmf[_observed] + Math.Log(1d + 1e-7);
            double total = 0d, tail = 0d;
            for (int i = 0; i < size; i++)
            {
                double w = Math.Exp(logPmf[i] - max);
                total += w;
                if (logPmf[i] <= threshold) tail += w;
            }
            return Math.Min(1d, tail / total);
        }

        // Weights w_i ∝ P(X = lo + i) ψ^(lo + i) with θ = ln ψ, normalised by their maximum; returns Σw, Σ i·w and the tail sum.
        private void Moments(double theta, bool upperTail, out double total, out double mean, out double tail)
        {
            double max = double.NegativeInfinity;
            for (int i = 0; i < size; i++) max = Math.Max(max, logPmf[i] + theta * i);
            total = 0d;
            double first = 0d;
            tail = 0d;
            for (int i = 0; i < size; i++)
            {
                double w = Math.Exp(logPmf[i] + theta * i - max);
                total += w;
                first += w * i;
                if (upperTail ? i >= _observed : i <= _observed) tail += w;
            }
            mean = first / total;
            tail /= total;
        }

        /// <summary>The conditional MLE of the odds ratio: 0 at the lower end of the support, +∞ at the upper end.</summary>
        public double ConditionalMle(long hi)
        {
            if (_observed == 0) return 0d;
            if (lo + _observed == hi) return double.PositiveInfinity;
            // E_θ[X] increases with θ; bisection on θ until the bracket is below 1e-12.
            double a = -1d, b = 1d;
            while (Mean(a) > _observed) a *= 2d;
            while (Mean(b) < _observed) b *= 2d;
            for (int i = 0; i < 200 && b - a > 1e-12; i++)
            {
                double mid = 0.5d * (a + b);
                if (Mean(mid) < _observed) a = mid;
                else b = mid;
            }
            return Math.Exp(0.5d * (a + b));
        }

        private double Mean(double theta)
        {
            Moments(theta, upperTail: false, out _, out double mean, out _);
            return mean;
        }

        private double Tail(double theta, bool upperTail)
        {
            Moments(theta, upperTail, out _, out _, out double tail);
            return tail;
        }

        /// <summary>Solves P_ψ(X ≥ x) = α (lower bound, upper tail) or P_ψ(X ≤ x) = α (upper bound) for ψ.</summary>
        public double SolveLogOdds(double alpha, bool upperTail)
        {
            // P_θ(X ≥ x) increases with θ, P_θ(X ≤ x) decreases; bracket, then bisect on θ = ln ψ.
            double a = -1d, b = 1d;
            if (upperTail)
            {
                while (Tail(a, true) > alpha && a > -1e4) a *= 2d;
                while (Tail(b, true) < alpha && b < 1e4) b *= 2d;
            }
            else
            {
                while (Tail(a, false) < alpha && a > -1e4) a *= 2d;
                while (Tail(b, false) > alpha && b < 1e4) b *= 2d;
            }
            for (int i = 0; i < 200 && b - a > 1e-12; i++)
            {
                double mid = 0.5d * (a + b);
                double value = Tail(mid, upperTail);
                bool below = upperTail ? value < alpha : value > alpha;
                if (below) a = mid;
                else b = mid;
            }
            return Math.Exp(0.5d * (a + b));
        }
    }
}
