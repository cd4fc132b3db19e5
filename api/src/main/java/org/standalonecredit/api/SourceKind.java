package org.standalonecredit.api;

/** The kinds of payment source a provider may declare it supports. */
public enum SourceKind {
    CUSTOMER_TOKEN, PAYMENT_INSTRUMENT_TOKEN, INSTRUMENT_IDENTIFIER_TOKEN, CARD, GATEWAY_TOKEN
}
