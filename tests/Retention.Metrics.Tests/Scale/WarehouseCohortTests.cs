using Retention.Metrics.Tests.Cohorts;
using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Scale;

/// <summary>The cohort half of the warehouse path: docs/sql/cohort-cells.sql run in DuckDB, its rows fed to CohortTable.FromCells.</summary>
public class WarehouseCohortTests
{
    private static readonly DateOnly Jan = new(2024, 1, 1), Feb = new(2024, 2, 1), Mar = new(2024, 3, 1);

    private static CohortCellRow[] RunDocumentedSql(IEnumerable<TestData.CdnowRow> rows, DateOnly asOf) =>
        WarehouseSql.Run("cohort-cells.sql", rows, asOf, reader => new CohortCellRow(
            DateOnly.FromDateTime(reader.GetDateTime(0)),
            Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
            reader.GetInt64(2),
            Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
            reader.GetDecimal(5)));

    [Theory]
    [InlineData("1997-03-31")]
    [InlineData("1997-09-14")]
    [InlineData("1998-06-30")]
    public void DocumentedSql_InDuckDb_EqualsTheInProcessTable(string asOfText)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var rows = TestData.CdnowMaster;
        CohortTable fromWarehouse = CohortTable.FromCells(CohortOptions.Monthly, asOf, RunDocumentedSql(rows, asOf));
        CohortTable inProcess = Metrics.Cohorts.Compute(TestData.History(rows), asOf, CohortOptions.Monthly);
        CohortAssert.Equal(inProcess, fromWarehouse);
    }

    [Fact]
    public void DocumentedSql_PartitionsByCustomer_ConcatenatedRowsEqualTheWhole()
    {
        var asOf = new DateOnly(1998, 6, 30);
        var rows = TestData.CdnowMaster;
        var even = RunDocumentedSql(rows.Where(r => r.CustomerId % 2 == 0), asOf);
        var odd = RunDocumentedSql(rows.Where(r => r.CustomerId % 2 == 1), asOf);
        CohortTable combined = CohortTable.FromCells(null, asOf, [.. even, .. odd]);
        CohortAssert.Equal(Metrics.Cohorts.Compute(TestData.History(rows), asOf), combined);
    }

    [Fact]
    public void FromCells_HandWorkedRows_GiveTheTable()
    {
        // January cohort of 3: two buy again in February, one of them also in March; February cohort of 1.
        CohortCellRow[] cells =
        [
            new(Jan, 0, 3, 0, 4, 100.50m),
            new(Jan, 1, 2, 2, 2, 30m),
            new(Jan, 2, 1, 1, 1, 9.99m),
            new(Feb, 0, 1, 0, 1, 20m),
        ];
        CohortTable table = CohortTable.FromCells(null, new DateOnly(2024, 3, 31), cells);
        Assert.Equal([Jan, Feb, Mar], table.CohortStarts.ToArray());
        Assert.Equal([3L, 1L, 0L], table.CohortSizes.ToArray());
        Assert.Equal(4, table.CustomerCount);
        Assert.Equal(2, table[0, 1].Active);
        Assert.Equal(new Rate(1, 2), table[0, 2].StepRetention);
        Assert.Equal(9.99m, table[0, 2].Revenue);
        Assert.Equal(0, table[1, 1].Active);
        // The same purchases through the in-process pass.
        Purchase[] purchases =
        [
            new(0, Jan, 50m), new(0, Jan.AddDays(3), 20.50m), new(1, Jan.AddDays(9), 10m), new(2, Jan.AddDays(30), 20m),
            new(0, Feb.AddDays(1), 10m), new(1, Feb.AddDays(2), 20m), new(0, Mar.AddDays(4), 9.99m), new(3, Feb.AddDays(5), 20m),
        ];
        CohortAssert.Equal(Metrics.Cohorts.Compute(PurchaseHistory.Create(purchases), new DateOnly(2024, 3, 31)), table);
    }

    [Fact]
    public void FromCells_DuplicateRows_AreAdded()
    {
        CohortTable split = CohortTable.FromCells(null, new DateOnly(2024, 1, 31), [new(Jan, 0, 1, 0, 1, 5m), new(Jan, 0, 2, 0, 3, 7.25m)]);
        Assert.Equal(3, split.CohortSizes[0]);
        Assert.Equal(4, split[0, 0].Orders);
        Assert.Equal(12.25m, split[0, 0].Revenue);
    }

    [Fact]
    public void FromCells_NoRows_GiveAnEmptyTable()
    {
        CohortTable table = CohortTable.FromCells(null, new DateOnly(2024, 1, 31), []);
        Assert.Equal(0, table.CohortCount);
        Assert.Equal(0, table.CustomerCount);
    }

    [Fact]
    public void FromCells_CohortStartNotAPeriodStart_ThrowsNamingTheRow()
    {
        var e = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(null, new DateOnly(2024, 3, 31),
            [new(Jan, 0, 1, 0, 1, 5m), new(Feb.AddDays(3), 0, 1, 0, 1, 5m)]));
        Assert.Equal("cells", e.ParamName);
        Assert.Contains("cells[1].CohortStart", e.Message);
        Assert.Contains("2024-02-01", e.Message);
    }

    [Fact]
    public void FromCells_PeriodBeyondAsOf_ThrowsNamingTheRow()
    {
        var e = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(null, new DateOnly(2024, 2, 10),
            [new(Jan, 0, 1, 0, 1, 5m), new(Jan, 2, 1, 0, 1, 5m)]));
        Assert.Contains("cells[1].Period", e.Message);
        Assert.Contains("0..1", e.Message);
    }

    [Fact]
    public void FromCells_NegativeCountOrCohortAfterAsOf_Throws()
    {
        var negative = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(null, new DateOnly(2024, 2, 10), [new(Jan, 0, -1, 0, 1, 5m)]));
        Assert.Contains("cells[0]", negative.Message);
        var late = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(null, new DateOnly(2024, 2, 10), [new(Mar, 0, 1, 0, 1, 5m)]));
        Assert.Contains("cells[0].CohortStart", late.Message);
    }

    [Fact]
    public void FromCells_InconsistentCounts_ThrowNamingCells()
    {
        // Two active in period 1 of a cohort of one.
        var e = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(null, new DateOnly(2024, 3, 31),
            [new(Jan, 0, 1, 0, 1, 5m), new(Jan, 1, 2, 1, 2, 5m)]));
        Assert.Equal("cells", e.ParamName);
        Assert.Contains("inconsistent", e.Message);
    }

    [Fact]
    public void FromCells_RollingOrOnOrAfterOptions_Throw()
    {
        var rolling = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(new CohortOptions { RollingDays = 30 }, Jan, []));
        Assert.Equal("options", rolling.ParamName);
        var onOrAfter = Assert.Throws<ArgumentException>(() => CohortTable.FromCells(CohortOptions.Monthly with { Retention = CohortRetention.OnOrAfter }, Jan, []));
        Assert.Equal("options", onOrAfter.ParamName);
    }
}
