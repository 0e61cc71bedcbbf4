using Retention.Metrics.Numerics;

namespace Retention.Metrics.Tests.Numerics;

public class MinimizerTests
{
    // Rosenbrock in n dimensions: Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1).
    private static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    private static double RosenbrockWithGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return Rosenbrock(x);
    }

    // Quadratic ½(x − c)ᵀA(x − c) + 3 with A = [[4, 1, 0], [1, 3, 0.5], [0, 0.5, 2]], c = (1, −2, 0.5).
    private static readonly double[] s_a = [4, 1, 0, 1, 3, 0.5, 0, 0.5, 2];
    private static readonly double[] s_c = [1, -2, 0.5];

    private static double Quadratic(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) sum += (x[i] - s_c[i]) * s_a[i * 3 + j] * (x[j] - s_c[j]);
        return 0.5 * sum + 3;
    }

    private static double QuadraticWithGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (int i = 0; i < 3; i++)
        {
            g[i] = 0;
            for (int j = 0; j < 3; j++) g[i] += s_a[i * 3 + j] * (x[j] - s_c[j]);
        }
        return Quadratic(x);
    }

    // A valley whose objective is NaN outside the disc x² + y² < 4 (like a log-likelihood at invalid parameters);
    // minimum at (1.5, 0.5) inside the region.
    private static double Fenced(ReadOnlySpan<double> x)
    {
        if (x[0] * x[0] + x[1] * x[1] >= 4) return double.NaN;
        double a = x[0] - 1.5, b = x[1] - 0.5;
        return a * a + 10 * b * b + a * a * a * a;
    }

    private static void AssertPoint(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"x[{i}] = {actual[i]:R}, expected {expected[i]:R}");
    }

    [Fact]
    public void Bfgs_Rosenbrock2D_AnalyticGradient_Converges()
    {
        var result = Minimizer.Bfgs(RosenbrockWithGradient, [-1.2, 1.0]);
        Assert.True(result.Converged, result.Message);
        AssertPoint([1, 1], result.Minimizer, 1e-6);
        Assert.True(result.Value < 1e-12);
    }

    [Fact]
    public void Bfgs_Rosenbrock4D_AnalyticGradient_Converges()
    {
        var result = Minimizer.Bfgs(RosenbrockWithGradient, [-1.2, 1.0, -1.2, 1.0]);
        Assert.True(result.Converged, result.Message);
        AssertPoint([1, 1, 1, 1], result.Minimizer, 1e-6);
    }

    [Fact]
    public void Bfgs_Rosenbrock4D_FiniteDifferences_Converges()
    {
        var result = Minimizer.Bfgs(Rosenbrock, [-1.2, 1.0, -1.2, 1.0]);
        Assert.True(result.Converged, result.Message);
        AssertPoint([1, 1, 1, 1], result.Minimizer, 1e-5);
        Assert.True(result.Evaluations > result.Iterations);
    }

    [Fact]
    public void Bfgs_Quadratic_FindsCentreQuickly()
    {
        var result = Minimizer.Bfgs(QuadraticWithGradient, [10, 10, 10]);
        Assert.True(result.Converged, result.Message);
        AssertPoint(s_c, result.Minimizer, 1e-7);
        Assert.Equal(3, result.Value, 12);
        Assert.True(result.Iterations <= 20, $"{result.Iterations} iterations");
        var fd = Minimizer.Bfgs(Quadratic, [10, 10, 10]);
        Assert.True(fd.Converged, fd.Message);
        AssertPoint(s_c, fd.Minimizer, 1e-6);
    }

    [Fact]
    public void NelderMead_Rosenbrock2DAnd4D_Converges()
    {
        var two = Minimizer.NelderMead(Rosenbrock, [-1.2, 1.0]);
        Assert.True(two.Converged, two.Message);
        AssertPoint([1, 1], two.Minimizer, 1e-5);
        var four = Minimizer.NelderMead(Rosenbrock, [-1.2, 1.0, -1.2, 1.0]);
        Assert.True(four.Converged, four.Message);
        AssertPoint([1, 1, 1, 1], four.Minimizer, 1e-4);
    }

    [Fact]
    public void NelderMead_Quadratic_FindsCentre()
    {
        var result = Minimizer.NelderMead(Quadratic, [10, 10, 10]);
        Assert.True(result.Converged, result.Message);
        AssertPoint(s_c, result.Minimizer, 1e-5);
    }

    [Fact]
    public void BothMethods_NaNOutsideRegion_StayInsideAndConverge()
    {
        // Start near the fence so that the first trial steps land in the NaN region.
        double[] start = [-1.9, 0.5];
        var nm = Minimizer.NelderMead(Fenced, start);
        Assert.True(nm.Converged, nm.Message);
        AssertPoint([1.5, 0.5], nm.Minimizer, 1e-5);
        var bfgs = Minimizer.Bfgs(Fenced, start);
        Assert.True(bfgs.Converged, bfgs.Message);
        AssertPoint([1.5, 0.5], bfgs.Minimizer, 1e-5);
        Assert.True(double.IsFinite(bfgs.Value) && double.IsFinite(nm.Value));
    }

    [Fact]
    public void BothMethods_NonFiniteStart_ReportNotConverged()
    {
        var nm = Minimizer.NelderMead(Fenced, [3, 3]);
        Assert.False(nm.Converged);
        Assert.Contains("start", nm.Message, StringComparison.Ordinal);
        var bfgs = Minimizer.Bfgs(Fenced, [3, 3]);
        Assert.False(bfgs.Converged);
        Assert.Contains("start", bfgs.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BothMethods_TinyBudget_ReportNotConvergedWithReason()
    {
        var settings = new MinimizerSettings { MaxIterations = 3 };
        var nm = Minimizer.NelderMead(Rosenbrock, [-1.2, 1.0], settings);
        Assert.False(nm.Converged);
        Assert.Contains("iterations", nm.Message, StringComparison.Ordinal);
        var bfgs = Minimizer.Bfgs(RosenbrockWithGradient, [-1.2, 1.0], settings);
        Assert.False(bfgs.Converged);
        Assert.Contains("iterations", bfgs.Message, StringComparison.Ordinal);
        Assert.True(double.IsFinite(bfgs.Value));
        var evals = Minimizer.Bfgs(Rosenbrock, [-1.2, 1.0], new MinimizerSettings { MaxEvaluations = 20 });
        Assert.False(evals.Converged);
    }

    [Fact]
    public void Bfgs_UnboundedBelow_DoesNotClaimConvergence()
    {
        // f(x) = x decreases without bound; the run must stop on a budget, not report a minimum.
        var result = Minimizer.Bfgs(static (ReadOnlySpan<double> x, Span<double> g) => { g[0] = 1; return x[0]; }, [0.0]);
        Assert.False(result.Converged);
    }

    [Fact]
    public void DefaultSettings_EqualNewSettings()
    {
        var resolved = default(MinimizerSettings).Resolve();
        Assert.Equal(new MinimizerSettings(), resolved);
        Assert.Equal(1e-8, resolved.GradientTolerance);
    }

    [Fact]
    public void NumericalHessian_Quadratic_RecoversMatrix()
    {
        double[] h = Minimizer.NumericalHessian(Quadratic, [0.3, -1, 2]);
        for (int i = 0; i < 9; i++) Assert.True(Math.Abs(h[i] - s_a[i]) <= 1e-6, $"H[{i}] = {h[i]:R}");
    }

    [Fact]
    public void NumericalHessian_Rosenbrock_MatchesAnalytic()
    {
        // At (1, 1): H = [[802, −400], [−400, 200]].
        double[] h = Minimizer.NumericalHessian(Rosenbrock, [1.0, 1.0]);
        double[] expected = [802, -400, -400, 200];
        for (int i = 0; i < 4; i++) NumericAssert.Close(expected[i], h[i], 1e-6, 0, $"H[{i}]");
    }

    [Fact]
    public void NumericalHessian_NonFiniteNearby_FailsClearly()
    {
        Assert.False(Minimizer.TryNumericalHessian(Fenced, [2.0, 0.0], new double[4]));
        Assert.Throws<InvalidOperationException>(() => Minimizer.NumericalHessian(Fenced, [2.0, 0.0]));
    }

    [Fact]
    public void TryInvertSymmetricPositiveDefinite_InvertsAndRejects()
    {
        double[] inverse = new double[9];
        Assert.True(Minimizer.TryInvertSymmetricPositiveDefinite(s_a, 3, inverse));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += s_a[i * 3 + k] * inverse[k * 3 + j];
                Assert.Equal(i == j ? 1 : 0, sum, 12);
            }
        Assert.False(Minimizer.TryInvertSymmetricPositiveDefinite([1, 2, 2, 1], 2, new double[4]));
    }

    [Fact]
    public void NumericalGradient_MatchesAnalytic()
    {
        double[] x = [-0.7, 1.3, 0.2];
        double[] g = new double[3], expected = new double[3];
        double f = Minimizer.NumericalGradient(Rosenbrock, x, g);
        RosenbrockWithGradient(x, expected);
        Assert.Equal(Rosenbrock(x), f);
        for (int i = 0; i < 3; i++) NumericAssert.Close(expected[i], g[i], 1e-8, 1e-8, $"g[{i}]");
    }
}
