package dev.newsharvester.fetch;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The random source of retry jitter, one per process and re-seedable. A SnapStart snapshot freezes every random
 * generator's state, so all environments restored from one snapshot would draw the same "random" backoffs and retry
 * in step (ThreadLocalRandom included: its seeds derive from a frozen static seeder); {@link #reseed()} after a
 * restore gives each environment its own sequence.
 */
public final class Jitter {

    private static volatile State state = new State(new SecureRandom().nextLong());

    private record State(long seed, Random random) {
        State(long seed) {
            this(seed, new Random(seed));
        }
    }

    private Jitter() {
    }

    /** A factor in [0.5, 1.5): ±50 % around a base wait. */
    public static double factor() {
        return 0.5 + state.random().nextDouble();
    }

    /** Draws a fresh seed from {@link SecureRandom} (unique per restored environment on Lambda). */
    public static void reseed() {
        state = new State(new SecureRandom().nextLong());
    }

    /** The seed of the current sequence (a restore must change it). */
    public static long seed() {
        return state.seed();
    }
}
