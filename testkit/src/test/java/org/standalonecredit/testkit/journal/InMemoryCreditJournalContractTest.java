package org.standalonecredit.testkit.journal;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.standalonecredit.api.journal.InMemoryCreditJournal;

/** The reference journal keeps the contract; its one store seen twice is the same instance. */
class InMemoryCreditJournalContractTest {

    @TestFactory
    Stream<DynamicNode> contract() {
        return CreditJournalContract.of(() -> new InMemoryCreditJournal(10_000)).withSecondView(sameInstance -> sameInstance).tests();
    }
}
