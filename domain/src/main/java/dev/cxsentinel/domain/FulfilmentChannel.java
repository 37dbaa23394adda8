package dev.cxsentinel.domain;

import java.util.Map;

/** Versand durch Amazon (FBA) or durch Verkäufer (FBM). */
public enum FulfilmentChannel {
    FBA, FBM;

    private static final Map<String, FulfilmentChannel> NAMES = Map.ofEntries(
            Map.entry("fba", FBA), Map.entry("afn", FBA), Map.entry("amazon", FBA),
            Map.entry("versand durch amazon", FBA), Map.entry("fulfilled by amazon", FBA),
            Map.entry("fbm", FBM), Map.entry("mfn", FBM), Map.entry("merchant", FBM),
            Map.entry("versand durch verkäufer", FBM), Map.entry("fulfilled by merchant", FBM),
            Map.entry("verkäufer", FBM), Map.entry("verkaeufer", FBM), Map.entry("seller", FBM), Map.entry("händler", FBM),
            Map.entry("fulfilled by seller", FBM), Map.entry("durch verkäufer", FBM), Map.entry("durch amazon", FBA));

    public static FulfilmentChannel parse(String text) {
        FulfilmentChannel channel = text == null ? null : NAMES.get(Text.fold(text));
        if (channel == null) {
            throw new InvalidValueException("fulfilment-channel", String.valueOf(text), "fulfilment-channel");
        }
        return channel;
    }
}
