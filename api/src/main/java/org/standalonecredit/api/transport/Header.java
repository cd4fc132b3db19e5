package org.standalonecredit.api.transport;

/** One HTTP header. */
public record Header(String name, String value) {
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
