using System.Runtime.InteropServices;

namespace Retention.Metrics;

/// <summary>Maps a shop's own customer keys (string, long, Guid …) to dense indexes <c>0..Count−1</c> and back.</summary>
/// <typeparam name="TKey">The shop's customer key type.</typeparam>
/// <remarks>
/// Indexes are handed out in order of first appearance and never change, so one index can be shared by several histories
/// (orders, subscriptions) to keep their customer numbers consistent. Results speak indexes; map them back with
/// <see cref="this[int]"/>. Not thread-safe for concurrent writers.
/// </remarks>
public sealed class CustomerIndex<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, int> _indexes;
    private TKey[] _keys = [];
    private int _count;

    /// <summary>Creates an empty index.</summary>
    /// <param name="comparer">The key comparer, for example <see cref="StringComparer.OrdinalIgnoreCase"/>; <see langword="null"/> for the default.</param>
    public CustomerIndex(IEqualityComparer<TKey>? comparer = null) => _indexes = new Dictionary<TKey, int>(comparer);

    /// <summary>Gets the number of distinct keys.</summary>
    public int Count => _count;

    /// <summary>Gets the keys in index order.</summary>
    public ReadOnlySpan<TKey> Keys => _keys.AsSpan(0, _count);

    /// <summary>Gets the key of an index.</summary>
    /// <param name="index">An index in <c>0..Count−1</c>.</param>
    /// <returns>The key that was given that index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>0..Count−1</c>.</exception>
    public TKey this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
                ThrowHelper.ThrowOutOfRange(nameof(index), index, $"it must be in the range 0..{_count - 1}.");
            return _keys[index];
        }
    }

    /// <summary>Returns the index of a key, adding the key when it is new.</summary>
    /// <param name="key">The customer key; not <see langword="null"/>.</param>
    /// <returns>The key's index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public int GetOrAdd(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexes, key, out bool exists);
        if (exists) return slot;
        if (_count == _keys.Length) Array.Resize(ref _keys, Math.Max(16, _keys.Length * 2));
        _keys[_count] = key;
        slot = _count;
        return _count++;
    }

    /// <summary>Looks up the index of a key without adding it.</summary>
    /// <param name="key">The customer key; not <see langword="null"/>.</param>
    /// <param name="index">The key's index, or −1 when the key is unknown.</param>
    /// <returns><see langword="true"/> when the key is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetIndex(TKey key, out int index)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_indexes.TryGetValue(key, out index)) return true;
        index = -1;
        return false;
    }
}
