namespace Retention.Metrics.Tests;

public class RateTests
{
    [Fact]
    public void Value_OfCounts_IsTheirQuotient()
    {
        var rate = new Rate(312, 1204);
        Assert.Equal(312d / 1204d, rate.Value, 15);
        Assert.True(rate.IsDefined);
        Assert.Equal("312 / 1204 (25.91%)", rate.ToString());
    }

    [Fact]
    public void Value_OfEmpty_IsZeroAndUndefined()
    {
        Assert.Equal(0d, default(Rate).Value);
        Assert.False(default(Rate).IsDefined);
        Assert.Equal(new Interval(0, 1), default(Rate).Wilson());
    }

    [Theory]
    [InlineData(-1, 5, "numerator")]
    [InlineData(6, 5, "numerator")]
    [InlineData(0, -1, "denominator")]
    public void Constructor_BadCounts_Throws(long n, long d, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(n, d));
        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void Combine_AddsCounts()
    {
        Assert.Equal(new Rate(4, 10), Rate.Combine(new Rate(1, 3), new Rate(3, 7)));
    }

    [Fact]
    public void Complement_SwapsMembers()
    {
        Assert.Equal(new Rate(7, 10), new Rate(3, 10).Complement);
    }

    // Wilson interval, hand-worked: n = 81, d = 263, z = 1.96 gives [0.2553, 0.3662]
    // (Newcombe 1998, Statistics in Medicine 17:857, table I, example "81/263": 0.2553 to 0.3662).
    [Fact]
    public void Wilson_MatchesNewcombeExample()
    {
        var ci = new Rate(81, 263).Wilson(1.96);
        Assert.Equal(0.2553, ci.Lower, 4);
        Assert.Equal(0.3662, ci.Upper, 4);
    }

    // Newcombe 1998 table I: 0/10 gives [0, 0.2775]; 1/29 gives [0.0061, 0.1718].
    [Fact]
    public void Wilson_AtZeroAndSmallCounts_MatchesNewcombe()
    {
        var zero = new Rate(0, 10).Wilson(1.96);
        Assert.Equal(0d, zero.Lower);
        Assert.Equal(0.2775, zero.Upper, 4);
        var one = new Rate(1, 29).Wilson(1.96);
        Assert.Equal(0.0061, one.Lower, 4);
        Assert.Equal(0.1718, one.Upper, 4);
        var all = new Rate(10, 10).Wilson(1.96);
        Assert.Equal(1d, all.Upper);
        Assert.Equal(1d - 0.2775, all.Lower, 4);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Wilson_BadZ_Throws(double z)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(1, 2).Wilson(z));
        Assert.Equal("z", ex.ParamName);
    }
}
