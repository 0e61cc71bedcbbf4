using Retention.Metrics.Numerics;

namespace Retention.Metrics;

/// <summary>Shared maximum-likelihood machinery of the lifetime models: optimisation over log-parameters and standard errors.</summary>
internal static class ModelFitting
{
    /// <summary>Log-parameters beyond ±LogBound (parameters outside e^±40) are rejected as a run-away fit.</summary>
    internal const double LogBound = 40d;

    /// <summary>Total log-likelihood at natural parameters p; writes ∂LL/∂p into gradient when it has room.</summary>
    internal delegate double LogLikelihood(ReadOnlySpan<double> p, Span<double> gradient);

    internal readonly record struct Outcome(double[] Parameters, double LogLikelihood, int Iterations, bool Converged, double[]? StandardErrors);

    /// <summary>Maximises <c>LL(p)/W − λ‖p‖²</c> over <c>θ = ln p</c>: BFGS with the analytic gradient, then (if that did not
    /// converge) Nelder–Mead and a second BFGS from its result.</summary>
    internal static Outcome Maximize(LogLikelihood logLikelihood, double[] start, double totalWeight, double penalty, int maxIterations)
    {
        int n = start.Length;
        var theta = new double[n];
        for (int i = 0; i < n; i++) theta[i] = Math.Log(start[i]);
        var objective = new PenalizedObjective(logLikelihood, n, totalWeight, penalty);
        var settings = new MinimizerSettings { MaxIterations = maxIterations };
        MinimizerResult result = Minimizer.Bfgs(objective.WithGradient, theta, settings);
        int iterations = result.Iterations;
        if (!result.Converged)
        {
            MinimizerResult simplex = Minimizer.NelderMead(objective.ValueOnly, result.Minimizer, settings);
            iterations += simplex.Iterations;
            double[] from = simplex.Value <= result.Value ? simplex.Minimizer : result.Minimizer;
            MinimizerResult polish = Minimizer.Bfgs(objective.WithGradient, from, settings);
            iterations += polish.Iterations;
            result = polish.Value <= Math.Min(simplex.Value, result.Value) || polish.Converged
                ? polish
                : (simplex.Value <= result.Value ? simplex with { Converged = false } : result);
        }
        var p = new double[n];
        bool finite = double.IsFinite(result.Value);
        for (int i = 0; i < n; i++)
        {
            p[i] = Math.Exp(result.Minimizer[i]);
            finite &= double.IsFinite(p[i]) && p[i] > 0d && Math.Abs(result.Minimizer[i]) < LogBound;
        }
        double ll = logLikelihood(p, []);
        bool converged = result.Converged && finite && double.IsFinite(ll);
        double[]? se = converged ? StandardErrors(logLikelihood, p, totalWeight, penalty) : null;
        // An interior maximum has a positive-definite observed information; a flat ridge (parameters running away) has not.
        return new Outcome(p, ll, iterations, converged && se is not null, se);
    }

    /// <summary>Standard errors from the inverse observed information: the Hessian of <c>−LL(p) + Wλ‖p‖²</c> in natural
    /// parameters, by central differences of the analytic gradient; null when it is not positive definite.</summary>
    internal static double[]? StandardErrors(LogLikelihood logLikelihood, double[] p, double totalWeight, double penalty)
    {
        int n = p.Length;
        var hessian = new double[n * n];
        var up = new double[n];
        var down = new double[n];
        var work = (double[])p.Clone();
        for (int j = 0; j < n; j++)
        {
            double h = 1e-5 * p[j];
            work[j] = p[j] + h;
            logLikelihood(work, up);
            work[j] = p[j] - h;
            logLikelihood(work, down);
            work[j] = p[j];
            double step = (p[j] + h) - (p[j] - h);
            for (int i = 0; i < n; i++) hessian[i * n + j] = -(up[i] - down[i]) / step;
            hessian[j * n + j] += 2d * totalWeight * penalty;
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5d * (hessian[i * n + j] + hessian[j * n + i]);
                hessian[i * n + j] = mean;
                hessian[j * n + i] = mean;
            }
        }
        var inverse = new double[n * n];
        if (!Minimizer.TryInvertSymmetricPositiveDefinite(hessian, n, inverse)) return null;
        var se = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = inverse[i * n + i];
            if (!(v > 0d) || !double.IsFinite(v)) return null;
            se[i] = Math.Sqrt(v);
        }
        return se;
    }

    private sealed class PenalizedObjective(LogLikelihood logLikelihood, int n, double totalWeight, double penalty)
    {
        private readonly double[] _p = new double[n];
        private readonly double[] _g = new double[n];

        public double WithGradient(ReadOnlySpan<double> theta, Span<double> gradient) => Evaluate(theta, gradient, true);

        public double ValueOnly(ReadOnlySpan<double> theta) => Evaluate(theta, [], false);

        private double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient, bool wantGradient)
        {
            double norm = 0d;
            for (int i = 0; i < n; i++)
            {
                if (!(Math.Abs(theta[i]) < LogBound)) return double.PositiveInfinity;
                _p[i] = Math.Exp(theta[i]);
                norm += _p[i] * _p[i];
            }
            double ll = logLikelihood(_p, wantGradient ? _g : []);
            if (!double.IsFinite(ll)) return double.PositiveInfinity;
            if (wantGradient)
            {
                for (int i = 0; i < n; i++) gradient[i] = _p[i] * (-_g[i] / totalWeight + 2d * penalty * _p[i]);
            }
            return -ll / totalWeight + penalty * norm;
        }
    }
}
