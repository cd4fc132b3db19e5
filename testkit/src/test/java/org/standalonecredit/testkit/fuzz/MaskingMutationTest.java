package org.standalonecredit.testkit.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.standalonecredit.testkit.fuzz.SeedMutator.Mutation;

/**
 * The bounded mutational fuzz run of the default build (FUZZING.md): the {@link MaskingFuzzTest} corpus,
 * mutated by {@link SeedMutator} with a fixed seed, through the same check. Deterministic.
 */
class MaskingMutationTest {
    @Property(tries = 3000, seed = "8020261123")
    void maskBody(@ForAll("seeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        MaskingFuzzTest.check(SeedMutator.apply(SeedMutator.seed(MaskingFuzzTest.class, "maskBody", seed), mutations, null));
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SeedMutator.seedNames(MaskingFuzzTest.class, "maskBody"));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return SeedMutator.mutations();
    }
}
