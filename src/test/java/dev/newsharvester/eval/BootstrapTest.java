package dev.newsharvester.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Known answers of CPython 3.11: {@code random.Random(0).getrandbits(32)} and {@code .randrange(181)}. */
    @Test
    void drawsWhatCPythonDrawsForTheSameSeed() {
        PythonRandom r = new PythonRandom(0);
        assertEquals(List.of(3626764237L, 1654615998L, 3255389356L),
                IntStream.range(0, 3).mapToObj(i -> Integer.toUnsignedLong(r.nextInt32())).toList());
        PythonRandom pages = new PythonRandom(0);
        assertEquals(List.of(98, 107, 10, 66, 130, 124, 103, 77), IntStream.range(0, 8).mapToObj(i -> pages.randrange(181)).toList());
        PythonRandom other = new PythonRandom(12345);
        assertEquals(List.of(426, 750, 10, 839, 845), IntStream.range(0, 5).mapToObj(i -> other.randrange(1000)).toList());
    }

    @Test
    void sampleStandardDeviation() {
        assertEquals(1.2909944487358056, Bootstrap.stdev(new double[] {1, 2, 3, 4}), 1e-15);
    }

    @Test
    void identicalPagesHaveNoSpreadAndMixedPagesSome() {
        PageCounts good = ShingleMetric.compare("the council backs the wind farm plan", "the council backs the wind farm plan");
        PageCounts bad = ShingleMetric.compare("the council backs the wind farm plan", "subscribe to our newsletter for more news");
        Figures none = Bootstrap.std(List.of(good, good, good), List.of(true, true, true), 50, 0);
        assertEquals(0, none.f1(), 1e-15);
        assertEquals(0, none.accuracy(), 1e-15);
        List<PageCounts> mixed = new ArrayList<>(List.of(good, bad, good, bad, good));
        Figures some = Bootstrap.std(mixed, List.of(true, false, true, false, true), 200, 0);
        assertTrue(some.recall() > 0.05 && some.accuracy() > 0.05, some.toString());
        assertEquals(some, Bootstrap.std(mixed, List.of(true, false, true, false, true), 200, 0), "same seed, same figures");
    }

    @Test
    void refusesASingleResample() {
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.std(List.of(), List.of(), 1, 0));
    }
}
