using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>
/// Exact conversion between <see cref="decimal"/> amounts and scaled <see cref="long"/> units
/// (<c>amount = units / 10^scale</c>), the representation the history stores so that sums are integer additions.
/// </summary>
internal static class Money
{
    /// <summary>The largest scale a history supports: 10^18 is the largest power of ten below <see cref="long.MaxValue"/>.</summary>
    internal const int MaxScale = 18;

    private static readonly long[] s_pow10 = CreatePowers();

    internal static long Pow10(int exponent) => s_pow10[exponent];

    /// <summary>Gets the number of decimal places the amount needs once trailing zeros are removed (29.30 → 1).</summary>
    internal static int MinimalScale(decimal amount)
    {
        if (amount.Scale == 0) return 0;
        // Dividing by 1.000… with 28 zeros normalizes away trailing zeros without changing the value.
        return (amount / 1.0000000000000000000000000000m).Scale;
    }

    /// <summary>The layout of a <see cref="decimal"/> in memory: flags (sign and scale), the high 32 bits and the low 64 bits of
    /// the 96-bit mantissa.</summary>
#pragma warning disable CS0649 // assigned only by reinterpreting a decimal
    private readonly struct DecimalLayout
    {
        internal readonly int Flags;
        internal readonly uint High;
        internal readonly ulong Low;
    }
#pragma warning restore CS0649

    /// <summary>Whether <see cref="DecimalLayout"/> matches this runtime's <see cref="decimal"/>; if not, <see cref="TryToUnits"/>
    /// always takes <see cref="TryToUnitsGeneral"/>.</summary>
    private static readonly bool s_layoutKnown = CheckLayout();

    /// <summary>The largest mantissa that can be multiplied by 10^k within <see cref="long.MaxValue"/>, by k.</summary>
    private static readonly ulong[] s_maxMantissa = CreateMaxMantissas();

    /// <summary>Whether <see cref="decimal"/> amounts can be read field by field (<see cref="CommonUnits"/>).</summary>
    internal static bool LayoutKnown => s_layoutKnown;

    /// <summary>The common case of <see cref="TryToUnits"/> at one scale, for loops over many amounts: it holds references to
    /// the tables, so a loop keeps them in registers instead of reloading two static fields per amount.</summary>
    internal readonly ref struct CommonUnits
    {
        private readonly ref readonly ulong _maxMantissa;
        private readonly ref readonly long _pow10;
        private readonly int _scale;

        internal CommonUnits(int scale)
        {
            _maxMantissa = ref MemoryMarshal.GetArrayDataReference(s_maxMantissa);
            _pow10 = ref MemoryMarshal.GetArrayDataReference(s_pow10);
            _scale = scale;
        }

        /// <summary>Converts a decimal given by its fields (flags, high and low mantissa bits) if it is the common case: a
        /// mantissa below 2^64 whose value has no more decimals than the scale (1500.00 at scale 0 included), and whose units
        /// fit in a <see cref="long"/>. <see langword="false"/> means "not the common case" (use <see cref="TryToUnits"/>), not
        /// "not convertible".</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal bool TryConvert(int flags, uint high, ulong low, out long units)
        {
            int up = _scale - ((flags >> 16) & 0xFF);
            long sign = flags >> 31; // 0 or −1
            if (high == 0 && (uint)up <= MaxScale && low <= Unsafe.Add(ref Unsafe.AsRef(in _maxMantissa), (uint)up))
            {
                // Both tables have MaxScale + 1 entries.
                long magnitude = (long)low * Unsafe.Add(ref Unsafe.AsRef(in _pow10), (uint)up);
                units = (magnitude ^ sign) - sign;
                return true;
            }
            // More decimals than the scale, all of them trailing zeros (a numeric(12,2) column's whole amounts).
            if (high == 0 && up < 0 && up >= -MaxScale)
            {
                ulong divisor = (ulong)Unsafe.Add(ref Unsafe.AsRef(in _pow10), (uint)-up);
                ulong quotient = low / divisor;
                if (quotient * divisor == low && quotient <= long.MaxValue)
                {
                    units = ((long)quotient ^ sign) - sign;
                    return true;
                }
            }
            units = 0;
            return false;
        }
    }

    private static bool CheckLayout()
    {
        decimal probe = new(unchecked((int)0x89ABCDEF), 0x01234567, 0, true, 3);
        DecimalLayout d = Unsafe.As<decimal, DecimalLayout>(ref probe);
        return Unsafe.SizeOf<DecimalLayout>() == sizeof(decimal)
            && d.Flags == unchecked((int)0x80030000) && d.High == 0 && d.Low == 0x0123456789ABCDEFUL;
    }

    private static ulong[] CreateMaxMantissas()
    {
        var max = new ulong[MaxScale + 1];
        long p = 1;
        for (int i = 0; i <= MaxScale; i++)
        {
            max[i] = (ulong)(long.MaxValue / p);
            if (i < MaxScale) p *= 10;
        }
        return max;
    }

    /// <summary>Converts an amount that needs more decimals than <paramref name="scale"/>: raises the scale to the amount's own and
    /// rescales <paramref name="absolute"/> (a running sum of absolute units) with it.</summary>
    /// <returns><see langword="false"/> (nothing changed) when the amount needs no more decimals than the scale (so it is out of
    /// range), more than <see cref="MaxScale"/>, or when the amount or the rescaled sum leaves the exact range.</returns>
    internal static bool TryRaiseScale(decimal amount, ref int scale, ref ulong absolute, out long units)
    {
        units = 0;
        int needed = MinimalScale(amount);
        if (needed <= scale || needed > MaxScale) return false;
        UInt128 rescaled = (UInt128)absolute * (ulong)Pow10(needed - scale);
        if (rescaled > long.MaxValue || !TryToUnits(amount, needed, out units)) return false;
        absolute = (ulong)rescaled;
        scale = needed;
        return true;
    }

    /// <summary>Converts an amount to units at the given scale, if that is exact and fits in a <see cref="long"/>.</summary>
    /// <remarks>The common case (a mantissa below 2^64, see <see cref="CommonUnits"/>) reads the decimal's fields directly, in a
    /// few instructions; anything else takes <see cref="TryToUnitsGeneral"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryToUnits(decimal amount, int scale, out long units)
    {
        DecimalLayout d = Unsafe.As<decimal, DecimalLayout>(ref amount);
        if (s_layoutKnown && new CommonUnits(scale).TryConvert(d.Flags, d.High, d.Low, out units)) return true;
        return TryToUnitsGeneral(amount, scale, out units);
    }

    /// <summary>The same as <see cref="TryToUnits"/> for any amount, through <see cref="decimal.GetBits(decimal, Span{int})"/>.</summary>
    internal static bool TryToUnitsGeneral(decimal amount, int scale, out long units)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        if (bits[2] != 0) return TryToUnitsSlow(amount, scale, out units);
        ulong mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (new CommonUnits(scale).TryConvert(bits[3], 0, mantissa, out units)) return true;
        // More decimals beyond the scale than a power of ten in a long can drop: only zero converts.
        units = 0;
        return mantissa == 0 && ((bits[3] >> 16) & 0xFF) - scale > MaxScale;
    }

    private static bool TryToUnitsSlow(decimal amount, int scale, out long units)
    {
        units = 0;
        decimal scaled;
        try
        {
            scaled = amount * s_pow10[scale];
        }
        catch (OverflowException)
        {
            return false;
        }
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < -long.MaxValue) return false;
        units = (long)scaled;
        return true;
    }

    /// <summary>Converts units at a scale back to an exact <see cref="decimal"/>.</summary>
    internal static decimal FromUnits(long units, int scale)
    {
        bool negative = units < 0;
        ulong magnitude = negative ? unchecked((ulong)(-(units + 1)) + 1UL) : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>Converts a 128-bit sum of units back to an exact <see cref="decimal"/> (sums of many longs may exceed 64 bits).</summary>
    internal static decimal FromUnits(Int128 units, int scale)
    {
        bool negative = units < 0;
        UInt128 magnitude = negative ? (UInt128)(-units) : (UInt128)units;
        if (magnitude >> 96 != 0) ThrowHelper.ThrowInvalidOperation("The sum exceeds the range of decimal.");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    private static long[] CreatePowers()
    {
        var powers = new long[MaxScale + 1];
        long p = 1;
        for (int i = 0; i <= MaxScale; i++)
        {
            powers[i] = p;
            if (i < MaxScale) p *= 10;
        }
        return powers;
    }
}
