package org.standalonecredit.api;

/** One error the gateway reported: its code, the field it names (if any) and its message. */
public record GatewayError(String code, String field, String message) {
    @Override
    public String toString() {
        return (code != null ? code : "") + (field != null ? " [" + field + "]" : "") + (message != null ? " " + message : "");
    }
}
