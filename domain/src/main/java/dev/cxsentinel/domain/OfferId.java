package dev.cxsentinel.domain;

/** An offer's key: seller account + marketplace + SKU. Its string form {@code account:marketplace:sku} is the storage id. */
public record OfferId(SellerAccountId account, Marketplace marketplace, Sku sku) {
    public OfferId {
        if (account == null || marketplace == null || sku == null) {
            throw new InvalidValueException("offer-id", account + ":" + marketplace + ":" + sku, "offer-id");
        }
    }

    public String value() {
        return account.value() + ":" + marketplace.code() + ":" + sku.value();
    }

    public static OfferId parse(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 3);
        if (parts.length != 3) {
            throw new InvalidValueException("offer-id", String.valueOf(value), "offer-id");
        }
        return new OfferId(new SellerAccountId(parts[0]), Marketplace.parse(parts[1]), new Sku(parts[2]));
    }

    @Override
    public String toString() {
        return value();
    }
}
