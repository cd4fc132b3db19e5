/**
 * What a provider builds on: the base gateway with the rules every provider shares, the one attempt loop,
 * the masked exchange, JSON trees and masking, signing helpers and warm-up.
 */
module org.standalonecredit.kit {
    requires transitive org.standalonecredit.api;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.standalonecredit.kit;
    exports org.standalonecredit.kit.json;
    exports org.standalonecredit.kit.signing;
}
