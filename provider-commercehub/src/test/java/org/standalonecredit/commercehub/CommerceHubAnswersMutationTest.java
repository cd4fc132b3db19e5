package org.standalonecredit.commercehub;

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
 * {@link CommerceHubAnswersFuzzTest} method, mutated by {@link SeedMutator} with a fixed seed, through the
 * same targets and checks. Deterministic: the same inputs on every run.
 */
class CommerceHubAnswersMutationTest {
    @Property(tries = 1500, seed = "8020261123")
    void creditAnswer(@ForAll("creditSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        CommerceHubAnswerTargets.credit(mutant("creditAnswer", seed, mutations));
    }

    @Property(tries = 300, seed = "8020261123")
    void encryptionKeyAnswer(@ForAll("keySeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        CommerceHubAnswerTargets.encryptionKey(mutant("encryptionKeyAnswer", seed, mutations));
    }

    @Property(tries = 800, seed = "8020261123")
    void voidAnswer(@ForAll("voidSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        CommerceHubAnswerTargets.voidCredit(mutant("voidAnswer", seed, mutations));
    }

    @Property(tries = 800, seed = "8020261123")
    void inquiryAnswer(@ForAll("inquirySeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        CommerceHubAnswerTargets.inquiry(mutant("inquiryAnswer", seed, mutations));
    }

    @Property(tries = 800, seed = "8020261123")
    void resubmissionInquiryAnswer(@ForAll("resubmissionSeeds") String seed, @ForAll("mutations") List<Mutation> mutations) {
        CommerceHubAnswerTargets.resubmissionInquiry(mutant("resubmissionInquiryAnswer", seed, mutations));
    }

    private static byte[] mutant(String method, String seed, List<Mutation> mutations) {
        return SeedMutator.apply(SeedMutator.seed(CommerceHubAnswersFuzzTest.class, method, seed), mutations,
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
    Arbitrary<String> keySeeds() {
        return seeds("encryptionKeyAnswer");
    }

    @Provide
    Arbitrary<String> voidSeeds() {
        return seeds("voidAnswer");
    }

    @Provide
    Arbitrary<String> inquirySeeds() {
        return seeds("inquiryAnswer");
    }

    @Provide
    Arbitrary<String> resubmissionSeeds() {
        return seeds("resubmissionInquiryAnswer");
    }

    private static Arbitrary<String> seeds(String method) {
        return Arbitraries.of(SeedMutator.seedNames(CommerceHubAnswersFuzzTest.class, method));
    }
}
