namespace Toolkit.Recommender.Splits;

/// <summary>
/// NumPy's legacy <c>RandomState</c>: a 32-bit Mersenne Twister (MT19937) seeded the way
/// <c>np.random.seed(int)</c> seeds it, and <c>permutation</c> as NumPy's Fisher-Yates shuffle with
/// bounded draws by masking and rejection. Reproduces NumPy's output bit for bit.
/// </summary>
public sealed class NumPyLegacyRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[N];
    private int _position;

    public NumPyLegacyRandom(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _position = N;
    }

    /// <summary>The next 32-bit output of the generator (MT19937 <c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (_position >= N) Regenerate();
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A uniform whole number in [0, max], drawn as NumPy's <c>random_interval</c> draws it.</summary>
    public uint NextInterval(uint max)
    {
        if (max == 0) return 0;
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max) { }
        return value;
    }

    /// <summary><c>np.random.permutation(n)</c>: 0..n-1 shuffled from the last position down.</summary>
    public int[] Permutation(int n)
    {
        var items = new int[n];
        for (int i = 0; i < n; i++) items[i] = i;
        for (int i = n - 1; i >= 1; i--)
        {
            int j = (int)NextInterval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    private void Regenerate()
    {
        for (int k = 0; k < N; k++)
        {
            uint y = (_state[k] & UpperMask) | (_state[(k + 1) % N] & LowerMask);
            uint next = _state[(k + M) % N] ^ (y >> 1);
            if ((y & 1) != 0) next ^= MatrixA;
            _state[k] = next;
        }
        _position = 0;
    }
}
