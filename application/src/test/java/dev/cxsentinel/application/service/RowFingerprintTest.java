package dev.cxsentinel.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.report.ReportRow;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.CxObservation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.NcxRate;
import dev.cxsentinel.domain.NcxReason;
import dev.cxsentinel.domain.ReturnBadge;
import dev.cxsentinel.domain.Sku;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A fingerprint that missed a field would let a re-import skip a real change: every field must move it. */
class RowFingerprintTest {
    static final CxObservation BASE = new CxObservation(new Asin("B08N5WRWNW"), "Kettle", FulfilmentChannel.FBA, CxHealth.POOR,
            new NcxRate(1234), 12, 122, new NcxReason("Wrong item", 40), LocalDate.of(2026, 11, 20), true, ReturnBadge.AT_RISK,
            LocalDate.of(2026, 11, 26));
    static final CxObservation CHANGED = new CxObservation(new Asin("B07XJ8C8F5"), "Kettle 2", FulfilmentChannel.FBM, CxHealth.FAIR,
            new NcxRate(1238), 13, 123, new NcxReason("Wrong item", 41), LocalDate.of(2026, 11, 21), false, ReturnBadge.DISPLAYED,
            LocalDate.of(2026, 11, 27));

    @Test
    void everyFieldOfTheRowMovesTheFingerprint() throws Exception {
        long base = fingerprint(Marketplace.DE, "SKU-1", BASE);
        assertEquals(base, fingerprint(Marketplace.DE, "SKU-1", BASE), "the same row, the same fingerprint");
        assertNotEquals(base, fingerprint(Marketplace.FR, "SKU-1", BASE));
        assertNotEquals(base, fingerprint(Marketplace.DE, "SKU-2", BASE));
        RecordComponent[] fields = CxObservation.class.getRecordComponents();
        Set<Long> seen = new HashSet<>(Set.of(base));
        for (int i = 0; i < fields.length; i++) {
            Object[] values = new Object[fields.length];
            for (int j = 0; j < fields.length; j++) {
                values[j] = fields[j].getAccessor().invoke(i == j ? CHANGED : BASE);
            }
            Class<?>[] types = java.util.Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new);
            CxObservation one = CxObservation.class.getDeclaredConstructor(types).newInstance(values);
            assertTrue(seen.add(fingerprint(Marketplace.DE, "SKU-1", one)), "a change of " + fields[i].getName() + " alone is seen");
        }
    }

    @Test
    void aRowWithoutItsDateHasAFingerprintOfItsOwn() {
        CxObservation undated = new CxObservation(BASE.asin(), BASE.productName(), BASE.channel(), BASE.health(), BASE.ncxRate(),
                BASE.ncxOrders(), BASE.totalOrders(), BASE.topReason(), BASE.closedDate(), BASE.closed(), BASE.returnBadge(), null);
        long dateless = fingerprint(Marketplace.DE, "SKU-1", undated);
        assertEquals(dateless, fingerprint(Marketplace.DE, "SKU-1", undated), "the same dateless row, the same fingerprint, on any day");
        assertNotEquals(fingerprint(Marketplace.DE, "SKU-1", BASE), dateless, "not the dated row's");
    }

    private static long fingerprint(Marketplace marketplace, String sku, CxObservation observation) {
        return RowFingerprint.of(new ReportRow.OfferRow(2, marketplace, new Sku(sku), observation));
    }
}
