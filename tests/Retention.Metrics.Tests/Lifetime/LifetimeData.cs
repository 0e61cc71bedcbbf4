using System.Globalization;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Lifetime;

/// <summary>The pinned CDNOW BG/NBD and Gamma-Gamma inputs (see Data/SOURCES.md); each test names the file it uses.</summary>
internal static class LifetimeData
{
    private static readonly Lazy<double[][]> s_rounded = new(() => Read("cdnow_customers_summary.csv"));
    private static readonly Lazy<double[][]> s_withValue = new(() => Read("cdnow_customers_summary_with_transactions.csv"));
    private static readonly Lazy<double[][]> s_exact = new(() => Read("btyd_cdnow_cbs.csv"));

    /// <summary>cdnow_customers_summary.csv (lifetimes, 2-decimal weeks): ID, frequency, recency, T.</summary>
    public static double[][] Rounded => s_rounded.Value;

    /// <summary>cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (2 decimals).</summary>
    public static double[][] WithValue => s_withValue.Value;

    /// <summary>btyd_cdnow_cbs.csv (exact): ID, x, t_x, T_cal, x_star, m_x.</summary>
    public static double[][] Exact => s_exact.Value;

    public static BgNbdObservation[] BgNbd(double[][] rows)
    {
        var result = new BgNbdObservation[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = new BgNbdObservation(rows[i][1], rows[i][2], rows[i][3]);
        return result;
    }

    public static GammaGammaObservation[] GammaGamma(double[][] rows, int valueColumn)
    {
        var result = new GammaGammaObservation[rows.Length];
        for (int i = 0; i < rows.Length; i++) result[i] = new GammaGammaObservation(rows[i][1], rows[i][valueColumn]);
        return result;
    }

    private static double[][] Read(string file)
    {
        var rows = new List<double[]>();
        bool header = true;
        foreach (string line in File.ReadLines(TestData.PathOf(file)))
        {
            if (header) { header = false; continue; }
            if (line.Trim().Length == 0) continue;
            string[] f = line.Trim().Split(',');
            var row = new double[f.Length];
            for (int i = 0; i < f.Length; i++) row[i] = double.Parse(f[i].Trim('"'), CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows.ToArray();
    }
}
