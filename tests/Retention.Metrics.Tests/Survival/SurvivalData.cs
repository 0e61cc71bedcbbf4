using System.Globalization;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Survival;

/// <summary>Loads the survival reference data sets (Data/survival_aml.csv, Data/sbg_fader_hardie_2007_survival.csv).</summary>
internal static class SurvivalData
{
    /// <summary>One row of R's <c>aml</c>: weeks, relapse (true) or censored, and whether maintenance chemotherapy was given.</summary>
    public readonly record struct AmlRow(double Time, bool Relapse, bool Maintained);

    private static readonly Lazy<AmlRow[]> s_aml = new(ReadAml);
    private static readonly Lazy<(long[] Regular, long[] HighEnd)> s_sbg = new(ReadSbg);

    public static AmlRow[] Aml => s_aml.Value;

    public static SurvivalObservation[] AmlObservations(bool? maintained = null)
    {
        var list = new List<SurvivalObservation>();
        foreach (AmlRow row in Aml)
        {
            if (maintained is null || row.Maintained == maintained) list.Add(new SurvivalObservation(row.Time, row.Relapse));
        }
        return [.. list];
    }

    /// <summary>Fader and Hardie (2007) Table 1, Regular cohort: survivors of 1,000 in years 0–12.</summary>
    public static long[] RegularSurvivors => s_sbg.Value.Regular;

    /// <summary>Fader and Hardie (2007) Table 1, High End cohort: survivors of 1,000 in years 0–12.</summary>
    public static long[] HighEndSurvivors => s_sbg.Value.HighEnd;

    private static AmlRow[] ReadAml()
    {
        var rows = new List<AmlRow>();
        foreach (string line in File.ReadLines(TestData.PathOf("survival_aml.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            rows.Add(new AmlRow(double.Parse(f[0], CultureInfo.InvariantCulture), f[1] == "1", f[2] == "\"Maintained\""));
        }
        return [.. rows];
    }

    private static (long[], long[]) ReadSbg()
    {
        var regular = new List<long>();
        var high = new List<long>();
        foreach (string line in File.ReadLines(TestData.PathOf("sbg_fader_hardie_2007_survival.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            regular.Add(long.Parse(f[3], CultureInfo.InvariantCulture));
            high.Add(long.Parse(f[4], CultureInfo.InvariantCulture));
        }
        return ([.. regular], [.. high]);
    }
}
