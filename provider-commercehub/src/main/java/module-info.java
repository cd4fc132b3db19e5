/** Fiserv Commerce Hub stand-alone credits for the neutral credit API. */
module org.standalonecredit.commercehub {
    requires transitive org.standalonecredit.api;
    requires org.standalonecredit.kit;

    exports org.standalonecredit.commercehub;

    provides org.standalonecredit.api.spi.CreditProvider with org.standalonecredit.commercehub.CommerceHubProvider;
}
