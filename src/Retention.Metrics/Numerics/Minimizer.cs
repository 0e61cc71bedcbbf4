// Internal API (Retention.Metrics.Numerics):
//   delegate double Objective(ReadOnlySpan<double> x);
//   delegate double ObjectiveWithGradient(ReadOnlySpan<double> x, Span<double> gradient);   returns f(x), fills ∇f(x)
//   readonly record struct MinimizerSettings { GradientTolerance = 1e-8, FunctionTolerance = 1e-12, StepTolerance = 1e-10,
//       MaxIterations = 2000, MaxEvaluations = 50_000, InitialSimplexSize = 0.1 }   (default(...) means these defaults)
//   sealed record MinimizerResult(double[] Minimizer, double Value, int Iterations, int Evaluations, bool Converged, string Message)
//   Minimizer.NelderMead(Objective f, ReadOnlySpan<double> start, MinimizerSettings settings = default)
//   Minimizer.Bfgs(ObjectiveWithGradient f, ReadOnlySpan<double> start, MinimizerSettings settings = default)
//   Minimizer.Bfgs(Objective f, ReadOnlySpan<double> start, MinimizerSettings settings = default)   central differences
//   Minimizer.NumericalGradient(Objective f, ReadOnlySpan<double> x, Span<double> gradient) -> f(x)
//   Minimizer.TryNumericalHessian(Objective f, ReadOnlySpan<double> x, Span<double> hessian) -> bool   (row-major n×n)
//   Minimizer.NumericalHessian(Objective f, ReadOnlySpan<double> x) -> double[] (row-major n×n; throws if not finite)
//   Minimizer.TryInvertSymmetricPositiveDefinite(ReadOnlySpan<double> matrix, int n, Span<double> inverse) -> bool
// Non-finite objective values (NaN, ±∞) are treated as +∞: such points are rejected, never accepted as minima, and a
// non-finite value at the start point ends the run with Converged = false. Callers minimise over log-parameters.
namespace Retention.Metrics.Numerics;

/// <summary>An objective function to minimise.</summary>
/// <param name="x">The point.</param>
/// <returns>The value at <paramref name="x"/>; any non-finite value is treated as +∞.</returns>
internal delegate double Objective(ReadOnlySpan<double> x);

/// <summary>An objective function that also writes its gradient.</summary>
/// <param name="x">The point.</param>
/// <param name="gradient">Receives ∇f(x); same length as <paramref name="x"/>.</param>
/// <returns>The value at <paramref name="x"/>; any non-finite value is treated as +∞.</returns>
internal delegate double ObjectiveWithGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>Stopping rules and budgets of <see cref="Minimizer"/>; <c>default</c> means the documented defaults.</summary>
internal readonly record struct MinimizerSettings
{
    /// <summary>Creates the default settings.</summary>
    public MinimizerSettings()
    {
    }

    /// <summary>BFGS stops when <c>‖∇f‖∞ ≤ GradientTolerance · max(1, |f|)</c>. Default 1e-8.</summary>
    public double GradientTolerance { get; init; } = 1e-8;

    /// <summary>Relative change of f regarded as no progress (Nelder–Mead: spread of the simplex values). Default 1e-12.</summary>
    public double FunctionTolerance { get; init; } = 1e-12;

    /// <summary>Relative step (or simplex diameter) regarded as no progress. Default 1e-10.</summary>
    public double StepTolerance { get; init; } = 1e-10;

    /// <summary>Maximum iterations. Default 2000.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Maximum objective evaluations (a finite-difference gradient counts its evaluations). Default 50,000.</summary>
    public int MaxEvaluations { get; init; } = 50_000;

    /// <summary>Edge of the initial Nelder–Mead simplex, relative to max(1, |x_i|). Default 0.1.</summary>
    public double InitialSimplexSize { get; init; } = 0.1;

    internal MinimizerSettings Resolve()
    {
        var d = new MinimizerSettings();
        return new MinimizerSettings
        {
            GradientTolerance = GradientTolerance > 0d ? GradientTolerance : d.GradientTolerance,
            FunctionTolerance = FunctionTolerance > 0d ? FunctionTolerance : d.FunctionTolerance,
            StepTolerance = StepTolerance > 0d ? StepTolerance : d.StepTolerance,
            MaxIterations = MaxIterations > 0 ? MaxIterations : d.MaxIterations,
            MaxEvaluations = MaxEvaluations > 0 ? MaxEvaluations : d.MaxEvaluations,
            InitialSimplexSize = InitialSimplexSize > 0d ? InitialSimplexSize : d.InitialSimplexSize,
        };
    }
}

/// <summary>The outcome of a minimisation.</summary>
/// <param name="Minimizer">The best point found (never a point with a non-finite value, except the start when it failed).</param>
/// <param name="Value">The objective at <paramref name="Minimizer"/>.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Evaluations">Objective evaluations used.</param>
/// <param name="Converged">Whether a convergence test was met (false when a budget ran out or the search failed).</param>
/// <param name="Message">Why the run stopped.</param>
internal sealed record MinimizerResult(double[] Minimizer, double Value, int Iterations, int Evaluations, bool Converged, string Message);

/// <summary>Unconstrained minimisers: Nelder–Mead and BFGS with a strong-Wolfe line search.</summary>
internal static class Minimizer
{
    private static double Clean(double value) => double.IsFinite(value) ? value : double.PositiveInfinity;

    /// <summary>Minimises <paramref name="f"/> with the adaptive Nelder–Mead simplex method (Gao and Han 2012 coefficients).</summary>
    internal static MinimizerResult NelderMead(Objective f, ReadOnlySpan<double> start, MinimizerSettings settings = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        settings = settings.Resolve();
        int n = start.Length;
        if (n == 0) return new MinimizerResult([], Clean(f(start)), 0, 1, true, "No parameters.");
        double alpha = 1d, beta = 1d + 2d / n, gamma = 0.75d - 0.5d / n, delta = 1d - 1d / n;
        if (n == 1)
        {
            gamma = 0.5d;
            delta = 0.5d;
        }
        var points = new double[n + 1][];
        var values = new double[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        int evaluations = 0;
        int iterations = 0;
        double startValue = Clean(f(start));
        evaluations++;
        if (double.IsPositiveInfinity(startValue))
            return new MinimizerResult(start.ToArray(), startValue, 0, evaluations, false, "The objective is not finite at the start point.");

        double[] best = start.ToArray();
        double bestValue = startValue;
        for (int restart = 0; restart < 3; restart++)
        {
            // Initial simplex around the current best point.
            for (int i = 0; i <= n; i++)
            {
                points[i] = (double[])best.Clone();
                if (i > 0)
                {
                    double h = settings.InitialSimplexSize * Math.Max(1d, Math.Abs(best[i - 1]));
                    points[i][i - 1] += h;
                    values[i] = Clean(f(points[i]));
                    evaluations++;
                    if (double.IsPositiveInfinity(values[i]))
                    {
                        points[i][i - 1] = best[i - 1] - h;
                        values[i] = Clean(f(points[i]));
                        evaluations++;
                    }
                }
                else
                {
                    values[0] = bestValue;
                }
            }

            string? stop = null;
            bool converged = false;
            while (true)
            {
                SortSimplex(points, values);
                if (SimplexConverged(points, values, settings))
                {
                    converged = true;
                    stop = "Simplex size and value spread below tolerance.";
                    break;
                }
                if (iterations >= settings.MaxIterations)
                {
                    stop = "Maximum iterations reached.";
                    break;
                }
                if (evaluations >= settings.MaxEvaluations)
                {
                    stop = "Maximum evaluations reached.";
                    break;
                }
                iterations++;
                Array.Clear(centroid);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) centroid[j] += points[i][j];
                for (int j = 0; j < n; j++) centroid[j] /= n;
                double[] worst = points[n];
                for (int j = 0; j < n; j++) trial[j] = centroid[j] + alpha * (centroid[j] - worst[j]);
                double fr = Clean(f(trial));
                evaluations++;
                if (fr < values[0])
                {
                    for (int j = 0; j < n; j++) trial2[j] = centroid[j] + beta * (trial[j] - centroid[j]);
                    double fe = Clean(f(trial2));
                    evaluations++;
                    if (fe < fr) Replace(points, values, n, trial2, fe);
                    else Replace(points, values, n, trial, fr);
                    continue;
                }
                if (fr < values[n - 1])
                {
                    Replace(points, values, n, trial, fr);
                    continue;
                }
                bool outside = fr < values[n];
                for (int j = 0; j < n; j++)
                    trial2[j] = outside ? centroid[j] + gamma * (trial[j] - centroid[j]) : centroid[j] - gamma * (centroid[j] - worst[j]);
                double fc = Clean(f(trial2));
                evaluations++;
                if (outside ? fc <= fr : fc < values[n])
                {
                    Replace(points, values, n, trial2, fc);
                    continue;
                }
                // Shrink towards the best point.
                for (int i = 1; i <= n; i++)
                {
                    for (int j = 0; j < n; j++) points[i][j] = points[0][j] + delta * (points[i][j] - points[0][j]);
                    values[i] = Clean(f(points[i]));
                    evaluations++;
                }
            }

            SortSimplex(points, values);
            double improvement = bestValue - values[0];
            bool improved = values[0] < bestValue;
            if (improved)
            {
                best = (double[])points[0].Clone();
                bestValue = values[0];
            }
            if (!converged) return new MinimizerResult(best, bestValue, iterations, evaluations, false, stop!);
            // Restart from the best point: a converged run that a fresh simplex cannot improve is accepted.
            if (restart > 0 && improvement <= settings.FunctionTolerance * (Math.Abs(bestValue) + settings.FunctionTolerance))
                return new MinimizerResult(best, bestValue, iterations, evaluations, true, stop!);
        }
        return new MinimizerResult(best, bestValue, iterations, evaluations, true, "Simplex size and value spread below tolerance after restarts.");
    }

    private static void Replace(double[][] points, double[] values, int index, double[] source, double value)
    {
        Array.Copy(source, points[index], source.Length);
        values[index] = value;
    }

    private static void SortSimplex(double[][] points, double[] values)
    {
        // Insertion sort by value; n is small.
        for (int i = 1; i < values.Length; i++)
        {
            double v = values[i];
            double[] p = points[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                points[j + 1] = points[j];
                j--;
            }
            values[j + 1] = v;
            points[j + 1] = p;
        }
    }

    private static bool SimplexConverged(double[][] points, double[] values, MinimizerSettings s)
    {
        int n = points.Length - 1;
        double f0 = values[0];
        if (!double.IsFinite(values[n])) return false;
        if (values[n] - f0 > s.FunctionTolerance * (Math.Abs(f0) + s.FunctionTolerance)) return false;
        for (int i = 1; i <= n; i++)
            for (int j = 0; j < n; j++)
                if (Math.Abs(points[i][j] - points[0][j]) > s.StepTolerance * Math.Max(1d, Math.Abs(points[0][j]))) return false;
        return true;
    }

    /// <summary>Minimises <paramref name="f"/> by BFGS with gradients from central finite differences.</summary>
    internal static MinimizerResult Bfgs(Objective f, ReadOnlySpan<double> start, MinimizerSettings settings = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var wrapper = new FiniteDifferenceObjective(f);
        MinimizerResult result = Bfgs(wrapper.Evaluate, start, settings, wrapper);
        return result;
    }

    /// <summary>Minimises <paramref name="f"/> by BFGS (inverse-Hessian update) with a strong-Wolfe line search.</summary>
    internal static MinimizerResult Bfgs(ObjectiveWithGradient f, ReadOnlySpan<double> start, MinimizerSettings settings = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Bfgs(f, start, settings, null);
    }

    private static MinimizerResult Bfgs(ObjectiveWithGradient f, ReadOnlySpan<double> start, MinimizerSettings settings, FiniteDifferenceObjective? counter)
    {
        settings = settings.Resolve();
        int n = start.Length;
        var x = start.ToArray();
        var g = new double[n];
        var p = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var s = new double[n];
        var y = new double[n];
        var hy = new double[n];
        var h = new double[n * n];
        int evaluations = 0;
        int Evaluations() => counter is null ? evaluations : counter.Evaluations;

        double fx = Clean(f(x, g));
        evaluations++;
        if (double.IsPositiveInfinity(fx) || !AllFinite(g))
            return new MinimizerResult(x, fx, 0, Evaluations(), false, "The objective or its gradient is not finite at the start point.");
        if (n == 0) return new MinimizerResult(x, fx, 0, Evaluations(), true, "No parameters.");
        SetIdentity(h, n, 1d);
        bool scaled = false;
        int iteration = 0;
        while (true)
        {
            if (NormInf(g) <= settings.GradientTolerance * Math.Max(1d, Math.Abs(fx)))
                return new MinimizerResult(x, fx, iteration, Evaluations(), true, "Gradient norm below tolerance.");
            if (iteration >= settings.MaxIterations)
                return new MinimizerResult(x, fx, iteration, Evaluations(), false, "Maximum iterations reached.");
            if (Evaluations() >= settings.MaxEvaluations)
                return new MinimizerResult(x, fx, iteration, Evaluations(), false, "Maximum evaluations reached.");
            iteration++;

            MatVec(h, g, p, n, -1d);
            double slope = Dot(g, p);
            if (!(slope < 0d))
            {
                SetIdentity(h, n, 1d);
                scaled = false;
                for (int i = 0; i < n; i++) p[i] = -g[i];
                slope = Dot(g, p);
            }
            double initialStep = scaled ? 1d : Math.Min(1d, 1d / Math.Max(NormInf(g), 1e-300));
            double step = LineSearch(f, x, fx, g, p, slope, initialStep, xNew, gNew, out double fNew, ref evaluations, settings.MaxEvaluations, counter);
            if (step <= 0d)
            {
                // No acceptable step: retry once along steepest descent before giving up.
                bool atSteepest = true;
                for (int i = 0; i < n && atSteepest; i++) atSteepest = p[i] == -g[i];
                if (!atSteepest)
                {
                    SetIdentity(h, n, 1d);
                    scaled = false;
                    continue;
                }
                string reason = Evaluations() >= settings.MaxEvaluations ? "Maximum evaluations reached." : "Line search found no acceptable step.";
                return new MinimizerResult(x, fx, iteration, Evaluations(), false, reason);
            }

            double sy = 0d, yy = 0d, sNorm = 0d, xNorm = 0d;
            for (int i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
                sNorm = Math.Max(sNorm, Math.Abs(s[i]));
                xNorm = Math.Max(xNorm, Math.Abs(xNew[i]));
            }
            double fOld = fx;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;

            if (sy > 1e-12 * Math.Sqrt(yy) * NormTwo(s))
            {
                if (!scaled)
                {
                    SetIdentity(h, n, sy / yy);
                    scaled = true;
                }
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
                double rho = 1d / sy;
                MatVec(h, y, hy, n, 1d);
                double yHy = Dot(y, hy);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        h[i * n + j] += rho * ((1d + rho * yHy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
            }

            bool smallStep = sNorm <= settings.StepTolerance * Math.Max(1d, xNorm);
            bool smallChange = fOld - fx <= settings.FunctionTolerance * Math.Max(1d, Math.Abs(fx));
            if (smallStep && smallChange)
            {
                bool gradientModest = NormInf(g) <= Math.Sqrt(settings.GradientTolerance) * Math.Max(1d, Math.Abs(fx));
                return new MinimizerResult(x, fx, iteration, Evaluations(), gradientModest,
                    gradientModest ? "Step and function change below tolerance." : "No progress although the gradient is not small.");
            }
        }
    }

    // Strong Wolfe line search (Nocedal and Wright, algorithms 3.5 and 3.6, c1 = 1e-4, c2 = 0.9). Non-finite values
    // count as +∞ and shrink the bracket. Returns the accepted step (xNew, gNew, fNew hold that point) or 0.
    private static double LineSearch(ObjectiveWithGradient f, double[] x, double f0, double[] g0, double[] p, double slope0,
        double initialStep, double[] xNew, double[] gNew, out double fNew, ref int evaluations, int maxEvaluations,
        FiniteDifferenceObjective? counter)
    {
        const double C1 = 1e-4, C2 = 0.9;
        int n = x.Length;
        double previous = 0d, fPrevious = f0, slopePrevious = slope0;
        double alpha = initialStep;
        var gTrial = new double[n];
        fNew = f0;
        for (int i = 0; i < 40; i++)
        {
            double fa = Trial(f, x, p, alpha, xNew, gTrial, ref evaluations);
            bool finite = double.IsFinite(fa) && AllFinite(gTrial);
            if (!finite) fa = double.PositiveInfinity;
            if (fa > f0 + C1 * alpha * slope0 || (i > 0 && fa >= fPrevious))
                return Zoom(f, x, f0, slope0, p, previous, fPrevious, slopePrevious, alpha, fa, xNew, gNew, out fNew, ref evaluations, maxEvaluations, counter);
            double slope = Dot(gTrial, p);
            if (Math.Abs(slope) <= -C2 * slope0)
            {
                Array.Copy(gTrial, gNew, n);
                fNew = fa;
                return alpha;
            }
            if (slope >= 0d)
            {
                // Bracket is [alpha, previous]; keep the better end (alpha) as "lo".
                return Zoom(f, x, f0, slope0, p, alpha, fa, slope, previous, fPrevious, xNew, gNew, out fNew, ref evaluations, maxEvaluations, counter, loGradient: gTrial);
            }
            previous = alpha;
            fPrevious = fa;
            slopePrevious = slope;
            alpha *= 2d;
            if ((counter?.Evaluations ?? evaluations) >= maxEvaluations) break;
        }
        return 0d;
    }

    private static double Trial(ObjectiveWithGradient f, double[] x, double[] p, double alpha, double[] xNew, double[] gTrial, ref int evaluations)
    {
        for (int j = 0; j < x.Length; j++) xNew[j] = x[j] + alpha * p[j];
        evaluations++;
        return Clean(f(xNew, gTrial));
    }

    private static double Zoom(ObjectiveWithGradient f, double[] x, double f0, double slope0, double[] p,
        double lo, double fLo, double slopeLo, double hi, double fHi, double[] xNew, double[] gNew, out double fNew,
        ref int evaluations, int maxEvaluations, FiniteDifferenceObjective? counter, double[]? loGradient = null)
    {
        const double C1 = 1e-4, C2 = 0.9;
        int n = x.Length;
        var gTrial = new double[n];
        var gLo = new double[n];
        bool haveLoGradient = loGradient is not null;
        if (haveLoGradient) Array.Copy(loGradient!, gLo, n);
        for (int i = 0; i < 60; i++)
        {
            if ((counter?.Evaluations ?? evaluations) >= maxEvaluations) break;
            double width = hi - lo;
            double alpha;
            // Safeguarded quadratic interpolation from (lo, fLo, slopeLo) and (hi, fHi); bisection when unusable.
            double denominator = 2d * (fHi - fLo - slopeLo * width);
            alpha = double.IsFinite(fHi) && denominator > 0d ? lo - slopeLo * width * width / denominator : lo + 0.5d * width;
            double min = Math.Min(lo, hi), max = Math.Max(lo, hi), margin = 0.1d * Math.Abs(width);
            if (!(alpha >= min + margin && alpha <= max - margin)) alpha = lo + 0.5d * width;
            if (Math.Abs(width) <= 1e-16 * Math.Max(1d, Math.Abs(lo))) break;

            double fa = Trial(f, x, p, alpha, xNew, gTrial, ref evaluations);
            if (!(double.IsFinite(fa) && AllFinite(gTrial))) fa = double.PositiveInfinity;
            if (fa > f0 + C1 * alpha * slope0 || fa >= fLo)
            {
                hi = alpha;
                fHi = fa;
                continue;
            }
            double slope = Dot(gTrial, p);
            if (Math.Abs(slope) <= -C2 * slope0)
            {
                Array.Copy(gTrial, gNew, n);
                fNew = fa;
                return alpha;
            }
            if (slope * (hi - lo) >= 0d)
            {
                hi = lo;
                fHi = fLo;
            }
            lo = alpha;
            fLo = fa;
            slopeLo = slope;
            Array.Copy(gTrial, gLo, n);
            haveLoGradient = true;
        }
        // The bracket collapsed: accept "lo" if it is a strict improvement satisfying sufficient decrease.
        if (lo > 0d && haveLoGradient && fLo < f0)
        {
            for (int j = 0; j < n; j++) xNew[j] = x[j] + lo * p[j];
            Array.Copy(gLo, gNew, n);
            fNew = fLo;
            return lo;
        }
        fNew = f0;
        return 0d;
    }

    /// <summary>Central-difference gradient of <paramref name="f"/> at <paramref name="x"/>; returns f(x) (+∞ when not finite).</summary>
    /// <remarks>Step <c>h_i = ε^(1/3) · max(1, |x_i|)</c>; falls back to a one-sided difference when one side is not finite;
    /// a component with both sides non-finite makes the result +∞ (the point is rejected).</remarks>
    internal static double NumericalGradient(Objective f, ReadOnlySpan<double> x, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(f);
        return NumericalGradient(f, x, gradient, out _);
    }

    private static double NumericalGradient(Objective f, ReadOnlySpan<double> x, Span<double> gradient, out int evaluations)
    {
        int n = x.Length;
        double[] work = x.ToArray();
        double fx = Clean(f(x));
        evaluations = 1;
        if (double.IsPositiveInfinity(fx)) return fx;
        const double CubeRootEps = 6.0554544523933395e-6; // ε^(1/3)
        for (int i = 0; i < n; i++)
        {
            double xi = x[i];
            double h = CubeRootEps * Math.Max(1d, Math.Abs(xi));
            double up = xi + h, down = xi - h;
            work[i] = up;
            double fUp = Clean(f(work));
            work[i] = down;
            double fDown = Clean(f(work));
            work[i] = xi;
            evaluations += 2;
            bool okUp = double.IsFinite(fUp), okDown = double.IsFinite(fDown);
            if (okUp && okDown) gradient[i] = (fUp - fDown) / (up - down);
            else if (okUp) gradient[i] = (fUp - fx) / (up - xi);
            else if (okDown) gradient[i] = (fx - fDown) / (xi - down);
            else return double.PositiveInfinity;
        }
        return fx;
    }

    /// <summary>Central-difference Hessian (row-major n×n) of <paramref name="f"/> at <paramref name="x"/>, for example the observed
    /// information of a negative log-likelihood; false when an evaluation is not finite.</summary>
    /// <remarks>Step <c>h_i = ε^(1/4) · max(1, |x_i|)</c>; diagonal <c>(f(x+h) − 2f(x) + f(x−h))/h²</c>, off-diagonal from the four
    /// corner values. Relative accuracy about 1e-7 for smooth f.</remarks>
    internal static bool TryNumericalHessian(Objective f, ReadOnlySpan<double> x, Span<double> hessian)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = x.Length;
        if (hessian.Length < n * n) throw new ArgumentException("The Hessian buffer must hold n × n values.", nameof(hessian));
        double[] work = x.ToArray();
        double f0 = f(x);
        if (!double.IsFinite(f0)) return false;
        Span<double> h = n <= 64 ? stackalloc double[n] : new double[n];
        const double FourthRootEps = 1.220703125e-4;
        for (int i = 0; i < n; i++)
        {
            double step = FourthRootEps * Math.Max(1d, Math.Abs(x[i]));
            double up = x[i] + step;
            h[i] = up - x[i];
        }
        for (int i = 0; i < n; i++)
        {
            work[i] = x[i] + h[i];
            double fUp = f(work);
            work[i] = x[i] - h[i];
            double fDown = f(work);
            work[i] = x[i];
            if (!double.IsFinite(fUp) || !double.IsFinite(fDown)) return false;
            hessian[i * n + i] = (fUp - 2d * f0 + fDown) / (h[i] * h[i]);
            for (int j = 0; j < i; j++)
            {
                double pp = Corner(f, work, x, i, j, h[i], h[j]);
                double pm = Corner(f, work, x, i, j, h[i], -h[j]);
                double mp = Corner(f, work, x, i, j, -h[i], h[j]);
                double mm = Corner(f, work, x, i, j, -h[i], -h[j]);
                if (!double.IsFinite(pp) || !double.IsFinite(pm) || !double.IsFinite(mp) || !double.IsFinite(mm)) return false;
                double value = (pp - pm - mp + mm) / (4d * h[i] * h[j]);
                hessian[i * n + j] = value;
                hessian[j * n + i] = value;
            }
        }
        return true;
    }

    private static double Corner(Objective f, double[] work, ReadOnlySpan<double> x, int i, int j, double hi, double hj)
    {
        work[i] = x[i] + hi;
        work[j] = x[j] + hj;
        double value = f(work);
        work[i] = x[i];
        work[j] = x[j];
        return value;
    }

    /// <summary>Central-difference Hessian (row-major n×n) of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <exception cref="InvalidOperationException">The objective is not finite at a point the differences need.</exception>
    internal static double[] NumericalHessian(Objective f, ReadOnlySpan<double> x)
    {
        var hessian = new double[x.Length * x.Length];
        if (!TryNumericalHessian(f, x, hessian))
            throw new InvalidOperationException("The objective is not finite near the point, so its Hessian cannot be estimated.");
        return hessian;
    }

    /// <summary>Inverts a symmetric positive-definite matrix (row-major n×n) by Cholesky factorisation, for example the observed
    /// information into a covariance matrix; false when the matrix is not positive definite.</summary>
    internal static bool TryInvertSymmetricPositiveDefinite(ReadOnlySpan<double> matrix, int n, Span<double> inverse)
    {
        if (matrix.Length < n * n || inverse.Length < n * n) throw new ArgumentException("Buffers must hold n × n values.", nameof(matrix));
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0.5d * (matrix[i * n + j] + matrix[j * n + i]);
                for (int k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j)
                {
                    if (!(sum > 0d) || !double.IsFinite(sum)) return false;
                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        // Solve L Lᵀ X = I column by column.
        var column = new double[n];
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = i == c ? 1d : 0d;
                for (int k = 0; k < i; k++) sum -= l[i * n + k] * column[k];
                column[i] = sum / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double sum = column[i];
                for (int k = i + 1; k < n; k++) sum -= l[k * n + i] * column[k];
                column[i] = sum / l[i * n + i];
            }
            for (int i = 0; i < n; i++) inverse[i * n + c] = column[i];
        }
        return true;
    }

    private static bool AllFinite(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return false;
        return true;
    }

    private static double NormInf(double[] v)
    {
        double m = 0d;
        for (int i = 0; i < v.Length; i++) m = Math.Max(m, Math.Abs(v[i]));
        return m;
    }

    private static double NormTwo(double[] v) => Math.Sqrt(Dot(v, v));

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0d;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void MatVec(double[] m, double[] v, double[] result, int n, double factor)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = 0d;
            for (int j = 0; j < n; j++) sum += m[i * n + j] * v[j];
            result[i] = factor * sum;
        }
    }

    private static void SetIdentity(double[] m, int n, double scale)
    {
        Array.Clear(m);
        for (int i = 0; i < n; i++) m[i * n + i] = scale;
    }

    // Wraps an Objective as an ObjectiveWithGradient by central differences and counts every evaluation.
    private sealed class FiniteDifferenceObjective(Objective f)
    {
        public int Evaluations { get; private set; }

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double value = NumericalGradient(f, x, gradient, out int used);
            Evaluations += used;
            return value;
        }
    }
}
