namespace Retention.Metrics.Tests.CrossSell;

public class OrderLinesTests
{
    [Fact]
    public void Create_SortsByCustomerDayProduct()
    {
        var shuffled = CrossSellExamples.Lines.Reverse().ToArray();
        var lines = OrderLines.Create(shuffled);
        Assert.Equal(12, lines.Count);
        Assert.Equal(5, lines.CustomerCount);
        Assert.Equal(4, lines.ProductCount);
        Assert.Equal(new DateOnly(2024, 1, 5), lines.FirstDate);
        Assert.Equal(new DateOnly(2024, 3, 25), lines.LastDate);
        Assert.Equal([0, 3, 4, 7, 10, 12], lines.CustomerStarts.ToArray());
        Assert.Equal([0, 1, 2], lines.Products[..3].ToArray());
        Assert.Equal([2, 2, 3], lines.Products[7..10].ToArray()); // C3's basket, sorted by product
        Assert.Equal(lines.Products.ToArray(), CrossSellExamples.Build().Products.ToArray());
    }

    [Fact]
    public void Create_WithKeys_InternsCustomersAndProducts()
    {
        var records = new[] { ("alice", "2024-01-05", "TRIAL", 5.5m), ("bob", "2024-01-06", "MAIN", 30m), ("alice", "2024-01-07", "MAIN", 30m) };
        var customers = new CustomerIndex<string>();
        var products = new CustomerIndex<string>();
        var lines = OrderLines.Create(records, r => r.Item1, r => DateOnly.Parse(r.Item2, System.Globalization.CultureInfo.InvariantCulture),
            r => r.Item3, r => r.Item4, customers, products);
        Assert.Equal(2, lines.CustomerCount);
        Assert.Equal("MAIN", products[lines.Products[1]]);
        Assert.Equal(1, lines.AmountScale);
        Assert.Equal(55, lines.AmountUnits[0]);
    }

    [Fact]
    public void Create_BadLine_ThrowsNamingTheIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => OrderLines.Create([new(0, new(2024, 1, 1), 0, 1m), new(0, new(2024, 1, 1), -2, 1m)]));
        Assert.Equal("lines", ex.ParamName);
        Assert.Contains("lines[1].Product is -2", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => OrderLines.Create([new(0, new(2024, 1, 1), 0, -1m)]));
        Assert.Contains("lines[0].Amount is -1", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => OrderLines.Create([new(0, default, 0, 1m)]));
        Assert.Contains("lines[0].Date", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => OrderLines.Create([new(-1, new(2024, 1, 1), 0, 1m)]));
        Assert.Contains("lines[0].Customer is -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Empty_IsEmpty()
    {
        Assert.Same(OrderLines.Empty, OrderLines.Create([]));
        Assert.True(OrderLines.Empty.IsEmpty);
        Assert.Equal(0, OrderLines.Empty.ProductCount);
    }

    [Fact]
    public void Create_SparseCustomerIds_Work()
    {
        var lines = OrderLines.Create([new(2_000_000_000, new(2024, 1, 1), 3, 1m), new(5, new(2024, 1, 2), 1, 1m)]);
        Assert.Equal([5, 2_000_000_000], lines.CustomerIds.ToArray());
    }
}
