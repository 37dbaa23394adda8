package dev.cxsentinel.adapters.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlackTextAndSignatureTest {

    @Test
    void escapingDefusesMentionsAndLinks() {
        assertEquals("&lt;!channel&gt; &amp; &lt;@U1&gt;", SlackText.escape("<!channel> & <@U1>"));
        assertEquals("a b…", SlackText.quote("a\n   b  cdefgh", 4));
        assertEquals("@U1 in #C2 see x (https://e.x)", SlackText.plain("<@U1|anna> in <#C2> see <https://e.x|x>"));
        assertEquals("🔴 HB-1 Very poor", SlackText.console(":red_circle: `HB-1` _Very poor_"));
    }

    @Test
    void theSignatureIsSlacksV0Scheme() {
        // Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack)
        SignatureCheck check = new SignatureCheck("8f742231b10e8888abcd99yyyzzz85a5");
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
                + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
                + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        String expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, check.sign("1531420618", bytes));
        Instant then = Instant.ofEpochSecond(1531420618);
        assertTrue(check.isValid("1531420618", expected, bytes, then.plusSeconds(299)));
        assertFalse(check.isValid("1531420618", expected, bytes, then.plusSeconds(301)), "stale");
        assertFalse(check.isValid("1531420618", expected, bytes, then.minusSeconds(301)), "from the future");
        assertFalse(check.isValid("1531420618", expected.replace('a', 'b'), bytes, then), "wrong signature");
        assertFalse(check.isValid("15314206x8", expected, bytes, then), "not a number");
        assertFalse(check.isValid(null, expected, bytes, then));
    }

    @Test
    void theRouterSplitsArgumentsAndKeepsTheNotesSpacing() {
        CommandRouter.Words w = CommandRouter.Words.of("  relist   HB-1   replaced  the   chart ");
        assertEquals("relist", w.arg(0));
        assertEquals("HB-1", w.arg(1));
        assertEquals("replaced  the   chart", w.restAfter(2));
        assertEquals("", CommandRouter.Words.of("relist HB-1").restAfter(2));
    }
}
