package dev.cxsentinel.application.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Expectation;
import dev.cxsentinel.domain.FulfilmentChannel;
import dev.cxsentinel.domain.Marketplace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportReaderTest {
    private final ReportReader reader = new ReportReader();

    record Collected(List<ReportRow> rows, List<RowError> errors, ReportReader.Outcome outcome) { }

    static ReportFile resource(String name) throws IOException {
        try (InputStream in = ReportReaderTest.class.getResourceAsStream("/reports/" + name)) {
            return ReportFile.ofBytes(name, in.readAllBytes());
        }
    }

    static ReportFile text(String name, String content) {
        return ReportFile.ofBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Collected read(ReportFile file) throws Exception {
        return read(file, null);
    }

    Collected read(ReportFile file, Marketplace defaultMarketplace) throws Exception {
        List<ReportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        ReportReader.Outcome outcome = reader.read(file, defaultMarketplace, new ReportReader.RowSink() {
            @Override
            public void row(ReportRow row) {
                rows.add(row);
            }

            @Override
            public void error(RowError error) {
                errors.add(error);
            }
        });
        return new Collected(rows, errors, outcome);
    }

    @Test
    void readsTheEnglishOfferReport() throws Exception {
        Collected c = read(resource("offers-en.csv"));
        assertEquals(ReportReader.Kind.OFFER_REPORT, c.outcome().kind());
        assertEquals(List.of(), c.errors());
        assertEquals(6, c.rows().size());
        ReportRow.OfferRow kettle = (ReportRow.OfferRow) c.rows().get(1);
        assertEquals(3, kettle.line());
        assertEquals("HB-KETTLE-02", kettle.sku().value());
        assertEquals(CxHealth.VERY_POOR, kettle.observation().health());
        assertEquals(980, kettle.observation().ncxRate().basisPoints());
        assertEquals(LocalDate.of(2026, 11, 20), kettle.observation().closedDate());
        assertTrue(kettle.observation().closed());
        assertEquals("Electric kettle 1.0 l, glass", kettle.observation().productName());
        ReportRow.OfferRow lamp = (ReportRow.OfferRow) c.rows().get(5);
        assertEquals(CxHealth.INSUFFICIENT_FEEDBACK, lamp.observation().health());
        assertNull(lamp.observation().ncxRate());
    }

    @Test
    void readsTheGermanOfferReportWithSemicolonsDecimalCommasAndImpliedStatus() throws Exception {
        Collected c = read(resource("offers-de.csv"));
        assertEquals(List.of(), c.errors());
        assertEquals(3, c.rows().size());
        ReportRow.OfferRow kettle = (ReportRow.OfferRow) c.rows().get(1);
        assertEquals(Marketplace.DE, kettle.marketplace());
        assertEquals("Wasserkocher 1,0 l; Glas", kettle.observation().productName());
        assertEquals(FulfilmentChannel.FBA, kettle.observation().channel());
        assertEquals(980, kettle.observation().ncxRate().basisPoints());
        assertTrue(kettle.observation().closed(), "closed because a closed date is given");
        assertFalse(((ReportRow.OfferRow) c.rows().get(2)).observation().closed());
        assertEquals("Falscher Artikel", kettle.observation().topReason().text());
        assertEquals(CommentCategory.WRONG_ITEM, kettle.observation().topReason().category());
    }

    @Test
    void readsCommentFilesInBothLanguagesAndClassifiesUncategorisedComments() throws Exception {
        Collected en = read(resource("comments-en.csv"));
        assertEquals(ReportReader.Kind.COMMENT_FILE, en.outcome().kind());
        assertEquals(4, en.rows().size());
        ReportRow.CommentRow uncategorised = (ReportRow.CommentRow) en.rows().get(1);
        assertEquals(CommentCategory.WRONG_ITEM, uncategorised.comment().category());
        Collected de = read(resource("comments-de.csv"));
        assertEquals(List.of(), de.errors());
        ReportRow.CommentRow first = (ReportRow.CommentRow) de.rows().get(0);
        assertEquals(LocalDate.of(2026, 11, 18), first.comment().date());
        assertEquals("Falscher Wasserkocher geliefert; bestellt war die Glasversion.", first.comment().text());
        assertEquals(CommentCategory.COMPATIBILITY, ((ReportRow.CommentRow) de.rows().get(1)).comment().category());
    }

    @Test
    void acceptsBomTabsQuotedLineBreaksAndEmptyLines() throws Exception {
        String tsv = "\uFEFFMarketplace\tASIN\tSKU\tDate\tCategory\tComment\r\n\r\n"
                + "DE\tB08N5WRWNW\tHB-KETTLE-02\t11/19/2026\t\t\"line one\nline \"\"two\"\"\tend\"\r\n";
        Collected c = read(text("c.tsv", tsv));
        assertEquals(List.of(), c.errors());
        ReportRow.CommentRow row = (ReportRow.CommentRow) c.rows().get(0);
        assertEquals("line one\nline \"two\"\tend", row.comment().text());
        assertEquals(3, row.line());
    }

    @Test
    void readsUtf16WithBom() throws Exception {
        String csv = "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B07XJ8C8F5,SKU-1,FBA,Gut\n";
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = csv.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        assertEquals(1, read(ReportFile.ofBytes("u16.csv", all)).rows().size());
    }

    @Test
    void reportsEveryProblemWithLineColumnValueAndExpectation() throws Exception {
        String csv = "marketplace,asin,sku,fulfillment_channel,cx_health,ncx_rate,ncx_orders,total_orders,last_offer_closed_date\n"
                + "DE,B07XJ8C8F5,OK-1,FBA,Good,1%,1,100,\n"
                + "XX,b07,OK-2,Drone,Superb,150%,,,31.02.2026\n"
                + "DE,B07XJ8C8F5,OK-3,FBA,Good,9%,1,100,\n"
                + "DE,B07XJ8C8F5,,FBA,Good,,5,4,\n";
        Collected c = read(text("bad.csv", csv));
        assertEquals(1, c.rows().size());
        assertEquals(3, c.outcome().invalidRows());
        List<String> line3 = c.errors().stream().filter(e -> e.line() == 3).map(RowError::column).toList();
        assertEquals(List.of("marketplace", "asin", "fulfillment_channel", "cx_health", "ncx_rate", "last_offer_closed_date"), line3);
        RowError asin = c.errors().stream().filter(e -> "asin".equals(e.column())).findFirst().orElseThrow();
        assertEquals("b07", asin.found());
        assertEquals(Expectation.of("asin"), asin.expected());
        assertEquals("bad.csv:3: column 'asin': found 'b07': asin", asin.toString());
        RowError disagreement = c.errors().stream().filter(e -> e.line() == 4).findFirst().orElseThrow();
        assertEquals(Expectation.of("rate-agrees-with-orders", "1", "100", "1.0"), disagreement.expected());
        assertTrue(c.errors().stream().anyMatch(e -> e.line() == 5 && "sku".equals(e.column())));
        assertTrue(c.errors().stream().anyMatch(e -> e.line() == 5 && "total_orders".equals(e.column())));
        assertTrue(c.errors().stream().anyMatch(e -> e.line() == 3 && e.expected().code().equals("calendar-date")));
    }

    @Test
    void computesTheRateFromOrdersAndReadsFractions() throws Exception {
        String csv = "marketplace;asin;sku;fulfillment_channel;cx_health;ncx_rate;ncx_orders;total_orders\n"
                + "DE;B07XJ8C8F5;A;FBA;Good;;2;221\n"
                + "DE;B07XJ8C8F5;B;FBA;Good;0,042;42;1000\n"
                + "DE;B07XJ8C8F5;C;FBA;Good;4,2;42;1000\n"
                + "DE;B07XJ8C8F5;D;FBA;Good;4,2;;\n"
                + "DE;B07XJ8C8F5;E;FBA;Good;0,5;;\n";
        Collected c = read(text("r.csv", csv));
        assertEquals(90, ((ReportRow.OfferRow) c.rows().get(0)).observation().ncxRate().basisPoints());
        assertEquals(420, ((ReportRow.OfferRow) c.rows().get(1)).observation().ncxRate().basisPoints(), "the counts say 0,042 is a fraction");
        assertEquals(420, ((ReportRow.OfferRow) c.rows().get(2)).observation().ncxRate().basisPoints(), "the counts say 4,2 is a percentage");
        assertEquals(420, ((ReportRow.OfferRow) c.rows().get(3)).observation().ncxRate().basisPoints(), "above 1 only a percentage is possible");
        assertEquals(4, c.rows().size());
        RowError ambiguous = c.errors().get(0);
        assertEquals(6, ambiguous.line());
        assertEquals(Expectation.of("rate-with-percent-sign", "0,5", "0.5", "50"), ambiguous.expected(), "names both readings");
    }

    @Test
    void readsGermanExcelCsvInWindows1252AndSaysSo() throws Exception {
        byte[] bytes = ("ASIN;SKU;Versand durch;Status der Kundenerfahrung;NCX-Rate;NCX-Bestellungen;Bestellungen gesamt;"
                + "Häufigster NCX-Grund;Angebot zuletzt geschlossen\r\n"
                + "B07XJ8C8F5;HÜLLE-1;Verkäufer;Sehr schlecht;10,95 %;23;210;\"Zu klein\r\n80 %\";20.11.26\r\nMaßnahme erforderlich\r\n")
                .replace("\r\nMaßnahme", " Maßnahme").getBytes(TextEncoding.WINDOWS_1252);
        Collected c = read(ReportFile.ofBytes("voc.csv", bytes), Marketplace.DE);
        List<RowError> errors = c.errors();
        List<ReportRow> rows = c.rows();
        ReportReader.Outcome outcome = c.outcome();
        assertEquals(List.of(), errors);
        assertEquals("Windows-1252", outcome.encoding());
        ReportRow.OfferRow row = (ReportRow.OfferRow) rows.get(0);
        assertEquals("HÜLLE-1", row.sku().value());
        assertEquals(Marketplace.DE, row.marketplace());
        assertEquals(1095, row.observation().ncxRate().basisPoints());
        assertEquals(CommentCategory.SIZE_FIT, row.observation().topReason().category());
        assertEquals(80, row.observation().topReason().sharePercent());
        assertEquals(LocalDate.of(2026, 11, 20), row.observation().closedDate());
        assertTrue(row.observation().closed(), "a closed date with \"Maßnahme erforderlich\" means closed");
    }

    @Test
    void aFileWithoutAMarketplaceColumnNeedsADefault() {
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> new ReportReader().read(
                text("voc.csv", "ASIN,SKU,Fulfilled by,CX Health\nB07XJ8C8F5,A,Amazon,Good\n"), null, new ReportReader.RowSink() {
                    @Override
                    public void row(ReportRow row) {
                    }

                    @Override
                    public void error(RowError error) {
                    }
                }));
        assertEquals(Expectation.of("marketplace-for-file"), e.error().expected(), "asks for the marketplace: " + e.getMessage());
    }

    @Test
    void headersWithUnitsAndDatesInTheFormsSellersUseAreRead() throws Exception {
        String csv = "SKU,ASIN,Fulfilled by,CX Health,NCX rate (%),NCX orders,Total orders*,Last updated,Last offer closed date\n"
                + "A,B07XJ8C8F5,Amazon,Very Poor,9.84 %,12,122,2026/11/22,20-Nov-2026 Action required\n"
                + "B,B07XJ8C8F5,Seller,Good,0.90%,2,221,22/11/2026 10:15,--\n"
                + "C,B07XJ8C8F5,FBM,Fair,3%,3,100,11/22/2026 10:15:00 PM PST,\n";
        Collected c = read(text("voc.csv", csv), Marketplace.UK);
        assertEquals(List.of(), c.errors());
        ReportRow.OfferRow a = (ReportRow.OfferRow) c.rows().get(0);
        assertEquals(LocalDate.of(2026, 11, 22), a.observation().asOf());
        assertEquals(LocalDate.of(2026, 11, 20), a.observation().closedDate());
        assertTrue(a.observation().closed());
        assertEquals(LocalDate.of(2026, 11, 22), ((ReportRow.OfferRow) c.rows().get(1)).observation().asOf(), "day first where it can only be");
        assertEquals(LocalDate.of(2026, 11, 22), ((ReportRow.OfferRow) c.rows().get(2)).observation().asOf());
    }

    @Test
    void aCommentFileNeedsNoAsin() throws Exception {
        Collected c = read(text("c.csv", "sku,date,comment\nHB-KETTLE-02,2026-11-18,Glass was shattered\n"), Marketplace.DE);
        assertEquals(List.of(), c.errors());
        assertEquals(CommentCategory.DAMAGED, ((ReportRow.CommentRow) c.rows().get(0)).comment().category());
    }

    @Test
    void hostileFilesAreErrorsNotCrashes() {
        assertFileError(text("empty.csv", ""), "not-empty");
        assertFileError(text("blank.csv", "\n\n  \n"), "not-empty");
        assertFileError(text("header-only.csv", "marketplace,asin,sku,fulfillment_channel,cx_health\n"), "data-rows");
        Expectation unknown = assertFileError(text("unknown.csv", "name,price\nkettle,12\n"), "report-header");
        assertTrue(unknown.args().get(0).toString().startsWith("asin, sku"), "names the missing columns: " + unknown);
        assertFileError(text("quotes.csv", "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,\"B07XJ8C8F5,SKU,FBA,Good\n"), "closing-quote");
        assertFileError(ReportFile.ofBytes("binary.csv", new byte[] {'a', ',', 'b', '\n', 0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G'}), "text-not-binary");
        Expectation utf16 = assertFileError(ReportFile.ofBytes("utf16-broken.csv",
                new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, ',', 0, (byte) 0x00, (byte) 0xD8, 'b'}), "encoding");
        assertEquals("UTF-16", utf16.args().get(0).toString().substring(0, 6));
        String longLine = "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B07XJ8C8F5,SKU,FBA," + "x".repeat(10 * 1024 * 1024) + "\n";
        assertEquals(List.of(10_000), assertFileError(text("long.csv", longLine), "max-field-length").args());
        assertFileError(ReportFile.ofBytes("nul.csv", "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B0\u0000".getBytes(StandardCharsets.UTF_8)), "text-not-binary");
    }

    @Test
    void anEncodingErrorNamesItsOwnLineThoughTheFileIsDecodedInBlocks() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("marketplace,asin,sku,fulfillment_channel,cx_health\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 2999; i++) {
            bytes.write(("DE,B07XJ8C8F5,SKU-" + i + ",FBA,Gut für Kunden\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.write("DE,B07XJ8C8F5,SKU-BAD,FBA,Gut f".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xFC, 'r', '\n'});
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> read(ReportFile.ofBytes("bom.csv", bytes.toByteArray())));
        assertEquals("encoding", e.error().expected().code());
        assertEquals(3001, e.error().line(), "the line of the bad byte, not the start of its block");
    }

    private Expectation assertFileError(ReportFile file, String expectedCode) {
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> read(file));
        assertEquals(expectedCode, e.error().expected().code(), e.getMessage());
        assertEquals(file.name(), e.error().file());
        return e.error().expected();
    }
}
