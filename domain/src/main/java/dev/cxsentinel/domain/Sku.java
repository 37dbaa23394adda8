package dev.cxsentinel.domain;

/** The seller's stock keeping unit: 1–40 characters, no control characters. */
public record Sku(String value) {
    public static final int MAX_LENGTH = 40;

    public Sku {
        Text.requireText(value, "sku");
        if (value.length() > MAX_LENGTH || Text.hasControlCharacters(value) || !value.equals(value.strip())) {
            throw new InvalidValueException("sku", value, "sku");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
