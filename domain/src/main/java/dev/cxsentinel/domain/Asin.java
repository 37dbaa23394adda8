package dev.cxsentinel.domain;

import java.util.regex.Pattern;

/** Amazon Standard Identification Number: 10 upper-case letters or digits. */
public record Asin(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{10}");

    public Asin {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("asin", value, "asin");
        }
    }

    public static boolean looksLikeAsin(String text) {
        return text != null && FORM.matcher(text.toUpperCase(java.util.Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
