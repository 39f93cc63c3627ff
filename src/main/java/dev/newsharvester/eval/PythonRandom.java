package dev.newsharvester.eval;

/**
 * CPython's {@code random.Random(seed).randrange(n)} (MT19937, seeded with {@code init_by_array}
 * as CPython seeds from an int), so bootstrap resamples are the very ones the python scorer draws
 * and the ± figures agree exactly rather than within Monte-Carlo noise.
 */
final class PythonRandom {

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int index;

    /** {@code random.Random(seed)} for a seed in {@code 0..2^32-1}. */
    PythonRandom(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be in 0..4294967295, was " + seed);
        }
        initByArray(new int[] {(int) seed});
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /** {@code genrand_uint32}, as an int holding the unsigned bits. */
    int nextInt32() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % N] & 0x7FFF_FFFF);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908_B0DF : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code randrange(n)}: {@code getrandbits(n.bit_length())} until below n. */
    int randrange(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("empty range for randrange(" + n + ")");
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        while (true) {
            int r = nextInt32() >>> (32 - k);
            if (r < n) {
                return r;
            }
        }
    }
}
