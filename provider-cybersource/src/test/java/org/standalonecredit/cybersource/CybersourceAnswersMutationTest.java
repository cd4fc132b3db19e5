package org.standalonecredit.cybersource;

import org.standalonecredit.testkit.fuzz.SeedMutator;
import org.standalonecredit.testkit.fuzz.FuzzAnswer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.standalonecredit.testkit.fuzz.SeedMutator.Mutation;

/**
 * The bounded mutational fuzz run of the default build (FUZZING.md): the corpus of each
 * {@link CybersourceAnswersFuzzTest} method, mutated by {@link SeedMutator} with a fixed seed, through the
 * same targets and checks. Deterministic: the same inputs on every run.
 */
class CybersourceAnswersMutationTest {
    private static final CybersourceAnswerTargets TARGETS = new CybersourceAnswerTargets();

    @Property(tries = 4000, seed = "8020261123")
    void creditAnswer(@ForAll("creditSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        TARGETS.credit(mutant("creditAnswer", seed, mutations));
    }

    @Property(tries = 2000, seed = "8020261123")
    void voidAnswer(@ForAll("voidSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        TARGETS.voidCredit(mutant("voidAnswer", seed, mutations));
    }

    @Property(tries = 2000, seed = "8020261123")
    void detailsAnswer(@ForAll("detailsSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        TARGETS.details(mutant("detailsAnswer", seed, mutations));
    }

    @Property(tries = 2000, seed = "8020261123")
    void searchAnswer(@ForAll("searchSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        TARGETS.search(mutant("searchAnswer", seed, mutations));
    }

    private static byte[] mutant(String method, String seed, List<Mutation> mutations) {
        return SeedMutator.apply(SeedMutator.seed(CybersourceAnswersFuzzTest.class, method, seed), mutations,
                in -> in.length - FuzzAnswer.parse(in, 0).body().length);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return SeedMutator.mutations();
    }

    @Provide
    Arbitrary<String> creditSeeds() {
        return seeds("creditAnswer");
    }

    @Provide
    Arbitrary<String> voidSeeds() {
        return seeds("voidAnswer");
    }

    @Provide
    Arbitrary<String> detailsSeeds() {
        return seeds("detailsAnswer");
    }

    @Provide
    Arbitrary<String> searchSeeds() {
        return seeds("searchAnswer");
    }

    private static Arbitrary<String> seeds(String method) {
        return Arbitraries.of(SeedMutator.seedNames(CybersourceAnswersFuzzTest.class, method));
    }
}
