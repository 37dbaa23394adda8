package dev.cxsentinel.domain;

import java.util.regex.Pattern;

/** Amazon merchant token (Verkäufer-ID), e.g. {@code A2EUQ1WTGCTBG2}. */
public record SellerAccountId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{10,16}");

    public SellerAccountId {
        Text.requireText(value, "seller-account");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("seller-account", value, "seller-account");
        }
    }

    public static SellerAccountId of(String value) {
        return new SellerAccountId(value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
