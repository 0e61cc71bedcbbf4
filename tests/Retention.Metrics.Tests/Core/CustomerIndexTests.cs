namespace Retention.Metrics.Tests.Core;

public class CustomerIndexTests
{
    [Fact]
    public void GetOrAdd_AssignsIndexesInOrderOfFirstAppearance()
    {
        var index = new CustomerIndex<string>();
        Assert.Equal(0, index.GetOrAdd("b"));
        Assert.Equal(1, index.GetOrAdd("a"));
        Assert.Equal(0, index.GetOrAdd("b"));
        Assert.Equal(2, index.Count);
        Assert.Equal(["b", "a"], index.Keys.ToArray());
        Assert.Equal("a", index[1]);
    }

    [Fact]
    public void Comparer_IsHonoured()
    {
        var index = new CustomerIndex<string>(StringComparer.OrdinalIgnoreCase);
        index.GetOrAdd("Taro");
        Assert.True(index.TryGetIndex("TARO", out int i));
        Assert.Equal(0, i);
        Assert.False(index.TryGetIndex("Hanako", out int missing));
        Assert.Equal(-1, missing);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var index = new CustomerIndex<long>();
        index.GetOrAdd(42L);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => index[1]);
        Assert.Equal("index", ex.ParamName);
    }

    [Fact]
    public void NullKey_Throws()
    {
        var index = new CustomerIndex<string>();
        Assert.Throws<ArgumentNullException>(() => index.GetOrAdd(null!));
        Assert.Throws<ArgumentNullException>(() => index.TryGetIndex(null!, out _));
    }

    [Fact]
    public void ManyKeys_RoundTrip()
    {
        var index = new CustomerIndex<Guid>();
        var keys = Enumerable.Range(0, 10_000).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();
        foreach (var k in keys) index.GetOrAdd(k);
        for (int i = 0; i < keys.Length; i++) Assert.Equal(keys[i], index[i]);
    }
}
