using System.Buffers;
using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>The BG/NBD log-likelihood and its analytic gradient over a fixed data set (Fader, Hardie and Lee 2005, eq. 6).</summary>
/// <remarks>
/// <para>Per customer, <c>ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(e^{A₃} + δ e^{A₄})</c> with
/// <c>A₃ = −(r+x) ln(α+T)</c>, <c>A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)</c> and <c>δ = [x &gt; 0]</c>. The last term is a
/// log-sum-exp, so a large frequency never overflows. Whole frequencies below <see cref="TableSize"/> read the
/// <c>Γ</c> and <c>ψ</c> differences from tables built by recurrence once per evaluation; others call the special functions.</para>
/// </remarks>
internal sealed class BgNbdLikelihood : IDisposable
{
    internal const int TableSize = 4096;

    private readonly double[] _x;
    private readonly double[] _tx;
    private readonly double[] _t;
    private readonly double[] _w;
    private readonly int _count;
    private readonly int _tableLength;
    private readonly double[] _table;

    internal BgNbdLikelihood(ReadOnlySpan<BgNbdObservation> data)
    {
        int size = Math.Max(1, data.Length);
        _x = ArrayPool<double>.Shared.Rent(size);
        _tx = ArrayPool<double>.Shared.Rent(size);
        _t = ArrayPool<double>.Shared.Rent(size);
        _w = ArrayPool<double>.Shared.Rent(size);
        // Identical (x, t_x, T) rows are merged into one weighted row: summaries on a day grid repeat a lot (every
        // one-time buyer of the same day shares (0, 0, T)), and sorting first makes the sums independent of input order.
        BgNbdObservation[] sorted = ArrayPool<BgNbdObservation>.Shared.Rent(size);
        try
        {
            int m = 0;
            for (int i = 0; i < data.Length; i++)
                if (data[i].Weight > 0d) sorted[m++] = data[i];
            sorted.AsSpan(0, m).Sort(default(KeyComparer));
            int maxWhole = 0;
            double total = 0d, repeat = 0d;
            for (int i = 0; i < m;)
            {
                BgNbdObservation o = sorted[i];
                double weight = 0d;
                int j = i;
                for (; j < m && sorted[j].Frequency == o.Frequency && sorted[j].Recency == o.Recency && sorted[j].Age == o.Age; j++)
                    weight += sorted[j].Weight;
                i = j;
                _x[_count] = o.Frequency;
                _tx[_count] = o.Recency;
                _t[_count] = o.Age;
                _w[_count] = weight;
                _count++;
                total += weight;
                if (o.Frequency > 0d) repeat += weight;
                if (o.Frequency < TableSize && o.Frequency == Math.Floor(o.Frequency)) maxWhole = Math.Max(maxWhole, (int)o.Frequency);
            }
            TotalWeight = total;
            RepeatWeight = repeat;
            _tableLength = maxWhole + 1;
            _table = ArrayPool<double>.Shared.Rent(7 * _tableLength);
        }
        finally
        {
            ArrayPool<BgNbdObservation>.Shared.Return(sorted);
        }
    }

    /// <summary>The number of distinct weighted rows the likelihood sums over.</summary>
    internal int DistinctRows => _count;

    private readonly struct KeyComparer : IComparer<BgNbdObservation>
    {
        public int Compare(BgNbdObservation left, BgNbdObservation right)
        {
            int c = left.Frequency.CompareTo(right.Frequency);
            if (c != 0) return c;
            c = left.Recency.CompareTo(right.Recency);
            return c != 0 ? c : left.Age.CompareTo(right.Age);
        }
    }

    internal double TotalWeight { get; }

    internal double RepeatWeight { get; }

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_x);
        ArrayPool<double>.Shared.Return(_tx);
        ArrayPool<double>.Shared.Return(_t);
        ArrayPool<double>.Shared.Return(_w);
        ArrayPool<double>.Shared.Return(_table);
    }

    /// <summary>Returns the total log-likelihood at natural parameters p = (r, α, a, b) and writes its gradient (may be empty).</summary>
    internal double Evaluate(ReadOnlySpan<double> p, Span<double> gradient)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        bool wantGradient = gradient.Length >= 4;
        int n = _tableLength;
        Span<double> lgR = _table.AsSpan(0, n);          // ln Γ(r+k) − ln Γ(r)
        Span<double> psR = _table.AsSpan(n, n);          // ψ(r+k) − ψ(r)
        Span<double> lbB = _table.AsSpan(2 * n, n);      // ln B(a, b+k) − ln B(a, b)
        Span<double> dbA = _table.AsSpan(3 * n, n);      // ∂/∂a of lbB
        Span<double> dbB = _table.AsSpan(4 * n, n);      // ∂/∂b of lbB
        Span<double> lnB1 = _table.AsSpan(5 * n, n);     // ln(b+k−1), k ≥ 1
        Span<double> invB1 = _table.AsSpan(6 * n, n);    // 1/(b+k−1), k ≥ 1
        lgR[0] = 0d; psR[0] = 0d; lbB[0] = 0d; dbA[0] = 0d; dbB[0] = 0d; lnB1[0] = 0d; invB1[0] = 0d;
        for (int k = 1; k < n; k++)
        {
            double rk = r + (k - 1), bk = b + (k - 1), abk = a + b + (k - 1);
            lgR[k] = lgR[k - 1] + Math.Log(rk);
            psR[k] = psR[k - 1] + 1d / rk;
            lbB[k] = lbB[k - 1] + Math.Log(bk) - Math.Log(abk);
            dbA[k] = dbA[k - 1] - 1d / abk;
            dbB[k] = dbB[k - 1] + 1d / bk - 1d / abk;
            lnB1[k] = Math.Log(bk);
            invB1[k] = 1d / bk;
        }

        double logAlpha = Math.Log(alpha), logA = Math.Log(a);
        double ll = 0d, gr = 0d, gAlpha = 0d, ga = 0d, gb = 0d, totalWeight = 0d;
        double lgammaR = 0d, digammaR = 0d, digammaAB = 0d, digammaB = 0d, lbetaAB = 0d;
        bool haveDirect = false;
        double[] xs = _x, txs = _tx, ts = _t, ws = _w;
        for (int i = 0; i < _count; i++)
        {
            double w = ws[i];
            if (w == 0d) continue;
            double x = xs[i];
            double lg, ps, lb, dA, dB, lnb1, invb1;
            if (x < n && x == Math.Floor(x))
            {
                int k = (int)x;
                lg = lgR[k]; ps = psR[k]; lb = lbB[k]; dA = dbA[k]; dB = dbB[k]; lnb1 = lnB1[k]; invb1 = invB1[k];
            }
            else
            {
                if (!haveDirect)
                {
                    lgammaR = SpecialFunctions.LogGamma(r);
                    digammaR = SpecialFunctions.Digamma(r);
                    digammaAB = SpecialFunctions.Digamma(a + b);
                    digammaB = SpecialFunctions.Digamma(b);
                    lbetaAB = SpecialFunctions.LogBeta(a, b);
                    haveDirect = true;
                }
                lg = SpecialFunctions.LogGamma(r + x) - lgammaR;
                lb = SpecialFunctions.LogBeta(a, b + x) - lbetaAB;
                if (wantGradient)
                {
                    ps = SpecialFunctions.Digamma(r + x) - digammaR;
                    double dABx = SpecialFunctions.Digamma(a + b + x);
                    dA = digammaAB - dABx;
                    dB = SpecialFunctions.Digamma(b + x) - digammaB + digammaAB - dABx;
                }
                else
                {
                    ps = dA = dB = 0d;
                }
                lnb1 = x > 0d ? Math.Log(b + x - 1d) : 0d;
                invb1 = x > 0d ? 1d / (b + x - 1d) : 0d;
            }

            double rx = r + x;
            double lnAT = Math.Log(alpha + ts[i]);
            double a3 = -rx * lnAT;
            double lse, share;   // share = weight of the "dropped out at t_x" term in the mixture
            double lnAtx = 0d;
            if (x > 0d)
            {
                lnAtx = Math.Log(alpha + txs[i]);
                double a4 = logA - lnb1 - rx * lnAtx;
                double d = a4 - a3;
                if (d > 0d)
                {
                    double e = Math.Exp(-d);
                    lse = a4 + SpecialFunctions.LogOnePlus(e);
                    share = 1d / (1d + e);
                }
                else
                {
                    double e = Math.Exp(d);
                    lse = a3 + SpecialFunctions.LogOnePlus(e);
                    share = e / (1d + e);
                }
            }
            else
            {
                lse = a3;
                share = 0d;
            }
            ll += w * (lg + lb + lse);
            totalWeight += w;
            if (wantGradient)
            {
                double keep = 1d - share;
                gr += w * (ps - keep * lnAT - share * lnAtx);
                gAlpha += w * (-rx * (keep / (alpha + ts[i]) + (share > 0d ? share / (alpha + txs[i]) : 0d)));
                ga += w * (dA + share / a);
                gb += w * (dB - share * invb1);
            }
        }
        ll += totalWeight * r * logAlpha;
        if (wantGradient)
        {
            gradient[0] = gr + totalWeight * logAlpha;
            gradient[1] = gAlpha + totalWeight * r / alpha;
            gradient[2] = ga;
            gradient[3] = gb;
        }
        return ll;
    }
}
