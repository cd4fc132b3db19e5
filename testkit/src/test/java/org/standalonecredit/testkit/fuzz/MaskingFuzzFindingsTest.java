package org.standalonecredit.testkit.fuzz;

import org.standalonecredit.kit.json.JsonMasking;
import org.standalonecredit.api.privacy.Masking;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the answer fuzzers found in masking, pinned down (FUZZING.md); their inputs are in the fuzz corpus too. */
class MaskingFuzzFindingsTest {
    @Test
    void aCardNumberUsedAsAJsonKeyIsMaskedAndTheFieldOrderKept() {
        assertEquals("{\"a\":1,\"411111******1111\":{\"card 555555******4444\":2},\"z\":3}",
                JsonMasking.maskBody("{\"a\":1,\"4111111111111111\":{\"card 5555555555554444\":2},\"z\":3}"));
    }

    @Test
    void aCardNumberInAFractionIsMasked() {
        assertEquals("{\"shown\":\"0.411111******1111\",\"amount\":10.5}", JsonMasking.maskBody("{\"shown\":0.4111111111111111,\"amount\":10.5}"));
    }
}
