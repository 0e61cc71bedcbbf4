namespace Retention.Metrics.Numerics;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood 2014): a 64-bit state advanced by a Weyl increment and finalized by
/// a bit mixer. Used where a sequence must stay identical forever, independent of <see cref="Random"/>'s algorithm.
/// </summary>
/// <remarks>Only integer operations and correctly rounded IEEE 754 arithmetic are used, so the output is identical on
/// every platform and runtime version.</remarks>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    internal ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns a uniform integer in <c>[0, bound)</c> (Lemire's multiply-shift; the bias is below 2^−32 for the bounds used here).</summary>
    internal int NextInt(int bound) => (int)(((UInt128)Next() * (ulong)bound) >> 64);

    /// <summary>Returns a uniform double in <c>(0, 1]</c> with 53 random bits, never 0 (safe to divide by or take a root of).</summary>
    internal double NextOpenClosed() => ((Next() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Returns <see langword="true"/> with probability <c>1 / 2^bits</c>.</summary>
    internal bool OneIn(int bits) => (Next() >> (64 - bits)) == 0;
}
