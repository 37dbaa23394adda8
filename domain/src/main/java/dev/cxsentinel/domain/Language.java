package dev.cxsentinel.domain;

import java.util.Locale;

/** The language a channel is addressed in. English unless a channel is linked with {@code de}. */
public enum Language {
    EN, DE;

    public static Language parse(String text) {
        if (text != null) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "en", "english" -> {
                    return EN;
                }
                case "de", "deutsch", "german" -> {
                    return DE;
                }
                default -> { }
            }
        }
        throw new InvalidValueException("language", String.valueOf(text), "language");
    }
}
