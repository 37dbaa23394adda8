package dev.cxsentinel.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"B07XJ8C8F5", "0306406152", "030640615X"})
    void acceptsAsins(String value) {
        assertEquals(value, new Asin(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b07xj8c8f5", "B07XJ8C8F", "B07XJ8C8F55", "B07XJ8C8F-", " "})
    void rejectsMalformedAsinsWithWhatWasExpected(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Asin(value));
        assertEquals("asin", e.field());
        assertEquals(Expectation.of("asin"), e.expected(), "what was expected, as a code the catalogs word");
    }

    @Test
    void sellerAccountsAreMerchantTokens() {
        assertEquals("A2EUQ1WTGCTBG2", SellerAccountId.of(" a2euq1wtgctbg2 ").value());
        assertThrows(InvalidValueException.class, () -> new SellerAccountId("SHORT"));
        assertThrows(InvalidValueException.class, () -> new SellerAccountId("A2EUQ1WTGCTBG2XYZ1"));
    }

    @Test
    void skusAreBoundedAndFreeOfControlCharacters() {
        assertEquals("HB-KETTLE-01", new Sku("HB-KETTLE-01").value());
        assertThrows(InvalidValueException.class, () -> new Sku("x".repeat(41)));
        assertThrows(InvalidValueException.class, () -> new Sku("bad\u0007sku"));
        assertThrows(InvalidValueException.class, () -> new Sku(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE", "de", "amazon.de", "www.amazon.de", "A1PA6795UKMFR9", "https://www.amazon.de/"})
    void marketplacesParseFromCodeDomainOrId(String text) {
        assertEquals(Marketplace.DE, Marketplace.parse(text));
    }

    @Test
    void marketplaceKnowsItsSellerCentral() {
        assertEquals(Marketplace.UK, Marketplace.parse("GB"));
        assertEquals("https://sellercentral.amazon.de/voice-of-the-customer", Marketplace.DE.voiceOfTheCustomerUrl());
        assertThrows(InvalidValueException.class, () -> Marketplace.parse("amazon.xx"));
    }

    @Test
    void offerIdRoundTripsThroughItsStorageForm() {
        OfferId id = Fixtures.KETTLE;
        assertEquals("A2EUQ1WTGCTBG2:DE:HB-KETTLE-02", id.value());
        assertEquals(id, OfferId.parse(id.value()));
        assertEquals("SKU:WITH:COLONS", OfferId.parse("A2EUQ1WTGCTBG2:DE:SKU:WITH:COLONS").sku().value());
    }

    @Test
    void cxHealthIsOrderedAndInsufficientFeedbackIsNotRated() {
        assertTrue(CxHealth.POOR.isWorseThan(CxHealth.FAIR));
        assertFalse(CxHealth.FAIR.isWorseThan(CxHealth.POOR));
        assertFalse(CxHealth.INSUFFICIENT_FEEDBACK.isWorseThan(CxHealth.EXCELLENT));
        assertFalse(CxHealth.VERY_POOR.isWorseThan(CxHealth.INSUFFICIENT_FEEDBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Very poor", "VERY_POOR", "very-poor", "Sehr schlecht", " sehr  SCHLECHT "})
    void cxHealthLabelsInEnglishAndGerman(String label) {
        assertEquals(CxHealth.VERY_POOR, CxHealth.parse(label));
    }

    @Test
    void labelsFoldToLowerCaseWithOneSpaceForEachRunOfSeparators() {
        assertEquals("very poor", Text.fold("  Very__-poor\t"));
        assertEquals("größe passform", Text.fold("Größe / Passform"));
        assertEquals("insufficient feedback", Text.fold("INSUFFICIENT_FEEDBACK"));
        assertEquals("", Text.fold(" _ "));
        assertTrue(CxHealth.fromLabel("Mittelmäßig").isEmpty());
    }

    @Test
    void ncxRateIsExactAndBounded() {
        assertEquals(980, NcxRate.ofPercent(9.8).basisPoints());
        assertEquals("9,8 %", NcxRate.ofPercent(9.8).format(Language.DE));
        assertEquals(984, NcxRate.fromOrders(12, 122).basisPoints());
        assertThrows(InvalidValueException.class, () -> NcxRate.ofPercent(100.5));
        assertThrows(InvalidValueException.class, () -> NcxRate.fromOrders(5, 4));
    }

    @Test
    void fulfilmentChannelsInAllSpellings() {
        assertEquals(FulfilmentChannel.FBA, FulfilmentChannel.parse("Versand durch Amazon"));
        assertEquals(FulfilmentChannel.FBA, FulfilmentChannel.parse("AFN"));
        assertEquals(FulfilmentChannel.FBM, FulfilmentChannel.parse("Versand durch Verkäufer"));
        assertEquals(FulfilmentChannel.FBM, FulfilmentChannel.parse("merchant"));
        assertThrows(InvalidValueException.class, () -> FulfilmentChannel.parse("drone"));
    }

    @Test
    void commentsWithoutCategoryAreClassifiedFromTheirText() {
        assertEquals(CommentCategory.WRONG_ITEM, CommentCategory.classify("Falscher Wasserkocher geliefert"));
        assertEquals(CommentCategory.COMPATIBILITY, CommentCategory.classify("Does not fit the iPhone 14 Pro"));
        assertEquals(CommentCategory.DELIVERY, CommentCategory.classify("Parcel arrived three days late"));
        assertEquals(CommentCategory.DEFECTIVE, CommentCategory.classify("Funktioniert nicht mehr nach 2 Tagen"));
        assertEquals(CommentCategory.OTHER, CommentCategory.classify("meh"));
        assertEquals(CommentCategory.SIZE_FIT, CommentCategory.fromLabel("Größe/Passform").orElseThrow());
        assertEquals(CommentCategory.WRONG_ITEM,
                new CustomerComment(java.time.LocalDate.of(2026, 11, 1), (CommentCategory) null, "wrong item in the box").category());
    }

    @Test
    void slackUsersAndKeywords() {
        assertThrows(InvalidValueException.class, () -> new SlackUserId("<@U123>"));
        assertEquals(DisputeReason.FRAUDULENT_COMMENTS, DisputeReason.fromKeyword("fraud").orElseThrow());
        assertEquals(Remedy.REMOVAL_ORDER, Remedy.fromKeyword("removal").orElseThrow());
        assertFalse(Remedy.DISPOSAL_ORDER.isAllowedFor(FulfilmentChannel.FBM));
        assertTrue(Remedy.UPDATE_DETAIL_PAGE.isAllowedFor(FulfilmentChannel.FBM));
    }
}
