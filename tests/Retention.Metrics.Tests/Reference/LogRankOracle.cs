using MathNet.Numerics.LinearAlgebra;

namespace Retention.Metrics.Tests.Reference;

/// <summary>A naive log-rank test: for every event time, scan all observations with LINQ; solve with MathNet's LU.</summary>
internal static class LogRankOracle
{
    public static (double Statistic, int Df, double[] Observed, double[] Expected) Test(SurvivalObservation[] obs, int[] groups)
    {
        int[] ids = [.. groups.Distinct().OrderBy(g => g)];
        int k = ids.Length;
        var o = new double[k];
        var e = new double[k];
        var v = new double[k, k];
        foreach (double t in obs.Where(x => x.Event).Select(x => x.Time).Distinct().OrderBy(t => t))
        {
            double n = obs.Count(x => x.Time >= t);
            double d = obs.Count(x => x.Time == t && x.Event);
            double[] ng = [.. ids.Select(g => (double)obs.Where((x, i) => groups[i] == g && x.Time >= t).Count())];
            double[] dg = [.. ids.Select(g => (double)obs.Where((x, i) => groups[i] == g && x.Time == t && x.Event).Count())];
            for (int a = 0; a < k; a++)
            {
                o[a] += dg[a];
                e[a] += d * ng[a] / n;
                if (n <= 1) continue;
                for (int b = 0; b < k; b++) v[a, b] += d * (n - d) / (n - 1) * ng[a] / n * ((a == b ? 1 : 0) - ng[b] / n);
            }
        }
        int[] used = [.. Enumerable.Range(0, k).Where(a => e[a] > 0).Skip(1)];
        if (used.Length == 0) return (0d, 0, o, e);
        var matrix = Matrix<double>.Build.Dense(used.Length, used.Length, (a, b) => v[used[a], used[b]]);
        var diff = Vector<double>.Build.Dense(used.Length, a => o[used[a]] - e[used[a]]);
        return (diff.DotProduct(matrix.Solve(diff)), used.Length, o, e);
    }
}
