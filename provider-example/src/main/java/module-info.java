/** ExamplePay stand-alone credits: the example a third-party provider copies. */
module org.standalonecredit.example {
    requires transitive org.standalonecredit.api;
    requires org.standalonecredit.kit;

    exports org.standalonecredit.example;

    provides org.standalonecredit.api.spi.CreditProvider with org.standalonecredit.example.ExampleProvider;
}
