package dev.newsharvester.fingerprint;

import java.nio.charset.StandardCharsets;

/** 64-bit feature hashing shared by {@link SimHash} and {@link MinHash}. */
final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    /**
     * FNV-1a over the UTF-8 bytes, then the MurmurHash3 64-bit finaliser: FNV alone mixes its low
     * bits poorly, and SimHash uses every bit.
     */
    static long hash64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= FNV_PRIME;
        }
        return fmix64(h);
    }

    /** MurmurHash3 fmix64: a bijective avalanche mix. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** SplitMix64 step, for deterministic seed sequences. */
    static long splitMix64(long state) {
        long z = state + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
