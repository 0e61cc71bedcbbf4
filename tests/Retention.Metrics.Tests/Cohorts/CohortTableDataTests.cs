using System.Text.Json;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Cohorts;

/// <summary>The compact form of a cohort table: exact round trips (also through JSON) and rejection of inconsistent data.</summary>
public class CohortTableDataTests
{
    public static TheoryData<int> OptionIndexes() => [0, 1, 2, 3, 4];

    private static readonly CohortOptions[] s_options =
    [
        new(),
        new() { Retention = CohortRetention.OnOrAfter },
        new() { Unit = PeriodUnit.Week, WeekStart = DayOfWeek.Sunday, RollingDays = 7 },
        new() { Brackets = [new(1, 7), new(8, 30), new(31, 90)] },
        new() { Unit = PeriodUnit.Quarter, Brackets = [new(0, 0), new(1, 365)], Retention = CohortRetention.OnOrAfter },
    ];

    private static CohortTable Sample(CohortOptions options)
    {
        var history = PurchaseHistory.Create(RandomHistories.Purchases(seed: 11, customers: 400, days: 500));
        return Metrics.Cohorts.Compute(history, history.FirstDate.AddDays(400), options);
    }

    [Theory]
    [MemberData(nameof(OptionIndexes))]
    public void FromData_OfToData_EqualsTable(int index)
    {
        var table = Sample(s_options[index]);
        CohortAssert.Equal(table, CohortTable.FromData(table.ToData()));
    }

    [Theory]
    [MemberData(nameof(OptionIndexes))]
    public void ToData_JsonRoundTrip_RebuildsEqualTable(int index)
    {
        var table = Sample(s_options[index]);
        string json = JsonSerializer.Serialize(table.ToData());
        var back = JsonSerializer.Deserialize<CohortTableData>(json)!;
        Assert.Equal(table.Options, back.Options);
        CohortAssert.Equal(table, CohortTable.FromData(back));
    }

    [Fact]
    public void FromData_EmptyTable_RoundTrips()
    {
        var empty = Metrics.Cohorts.Compute(PurchaseHistory.Empty, new DateOnly(2024, 1, 1));
        var back = CohortTable.FromData(empty.ToData());
        Assert.Equal((0, 0), (back.CohortCount, back.PeriodCount));
        Assert.Equal(new DateOnly(2024, 1, 1), back.AsOf);
    }

    [Fact]
    public void FromData_Inconsistent_ThrowsNamingTheCell()
    {
        var data = Sample(new CohortOptions()).ToData();

        var tooMany = data with { Active = Clone(data.Active) };
        tooMany.Active[2][1] = data.CohortSizes[2] + 1;
        var e = Assert.Throws<ArgumentException>(() => CohortTable.FromData(tooMany));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("data.Active[2][1]", e.Message, StringComparison.Ordinal);

        var shortRow = data with { Orders = Clone(data.Orders) };
        shortRow.Orders[3] = shortRow.Orders[3][..^1];
        Assert.Contains("data.Orders[3] has length", Assert.Throws<ArgumentException>(() => CohortTable.FromData(shortRow)).Message, StringComparison.Ordinal);

        var shifted = data with { CohortStarts = (DateOnly[])data.CohortStarts.Clone() };
        shifted.CohortStarts[1] = shifted.CohortStarts[1].AddDays(1);
        Assert.Contains("data.CohortStarts[1]", Assert.Throws<ArgumentException>(() => CohortTable.FromData(shifted)).Message, StringComparison.Ordinal);

        var future = data with { Orders = Clone(data.Orders) };
        int last = data.CohortStarts.Length - 1;
        future.Orders[last][^1] = 1;
        Assert.Contains($"[{last}][{data.Orders[last].Length - 1}]", Assert.Throws<ArgumentException>(() => CohortTable.FromData(future)).Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => CohortTable.FromData(data with { AmountScale = 19 }));
        Assert.Throws<ArgumentNullException>(() => CohortTable.FromData(null!));
        Assert.Throws<ArgumentNullException>(() => CohortTable.FromData(data with { Active = null! }));
    }

    private static long[][] Clone(long[][] rows) => rows.Select(r => (long[])r.Clone()).ToArray();
}
