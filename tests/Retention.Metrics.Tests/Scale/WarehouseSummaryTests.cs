using Retention.Metrics.Tests.Infrastructure;

namespace Retention.Metrics.Tests.Scale;

/// <summary>The warehouse path of docs/scale.md, run for real: the documented SQL in DuckDB, its rows fed to the library.</summary>
public class WarehouseSummaryTests
{
    private static CustomerSummary[] RunDocumentedSql(TestData.CdnowRow[] rows, DateOnly asOf) =>
        WarehouseSql.Run("customer-summaries.sql", rows, asOf, reader => new CustomerSummary(
                reader.GetInt32(0),
                DateOnly.FromDateTime(reader.GetDateTime(1)),
                DateOnly.FromDateTime(reader.GetDateTime(2)),
                checked((int)reader.GetInt64(3)),
                checked((int)reader.GetInt64(4)),
                asOf,
                reader.GetDecimal(5),
                reader.GetDecimal(6)));

    [Theory]
    [InlineData("1997-03-31")]
    [InlineData("1997-09-30")]
    [InlineData("1998-06-30")]
    public void DocumentedSql_InDuckDb_EqualsTheInProcessSummaries(string asOfText)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var rows = TestData.CdnowMaster;
        var fromWarehouse = RunDocumentedSql(rows, asOf);
        var inProcess = Metrics.Summaries.Compute(TestData.History(rows), asOf);
        Assert.Equal(inProcess.Length, fromWarehouse.Length);
        Assert.Equal(inProcess, fromWarehouse);
        Assert.Equal(Metrics.Summaries.Totals(TestData.History(rows), asOf), Metrics.Summaries.Totals(fromWarehouse));
    }

    [Fact]
    public void Totals_OfSummaries_EmptyIsZero()
    {
        Assert.Equal(default, Metrics.Summaries.Totals(ReadOnlySpan<CustomerSummary>.Empty));
    }
}
