package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.AccessDeniedException;
import dev.cxsentinel.application.model.ApplicationException;
import dev.cxsentinel.domain.ActionType;
import dev.cxsentinel.domain.AlreadyRelistedException;
import dev.cxsentinel.domain.DomainException;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Language;
import java.util.Map;

/** A refusal in the user's language: what was wrong and what to do. Untrusted parts are escaped. */
final class ErrorText {
    private static final Map<String, String> GERMAN = Map.of(
            "offer-not-closed", "Das Angebot ist aktiv, nicht geschlossen: Nur ein geschlossenes Angebot kann erneut angeboten oder widersprochen werden.",
            "explanation-required", "Ein Widerspruch braucht einen Grund (delivery, misunderstanding, fraud, other); \"other\" braucht eine Begründung.",
            "remedy-not-allowed", "Remissions- und Entsorgungsaufträge gibt es nur für Versand durch Amazon (FBA); dieses Angebot versendet der Verkäufer.",
            "channel-not-linked", "Dieser Kanal ist noch mit keinem Verkäuferkonto verknüpft. Ein Admin verknüpft ihn mit `/cx link <KONTO> de`.",
            "store-unavailable", "Die Datenbank ist gerade nicht erreichbar; es wurde nichts geändert. Bitte gleich noch einmal versuchen.",
            "invalid-snooze", "Stummschalten geht für höchstens 30 Tage und muss in der Zukunft enden.");

    private ErrorText() {
    }

    static String describe(RuntimeException e, Language language) {
        if (e instanceof AlreadyRelistedException already) {
            boolean disputed = already.previous().type() == ActionType.DISPUTED;
            if (language == Language.DE) {
                return ":information_source: Bereits " + (disputed ? "widersprochen" : "erneut angeboten") + " von "
                        + SlackText.mention(already.previous().actor()) + " am " + SlackText.time(already.previous().at())
                        + ". Das Angebot bleibt ausstehend, bis ein Bericht es aktiv zeigt.";
            }
            return ":information_source: Already " + (disputed ? "disputed" : "relisted") + " by "
                    + SlackText.mention(already.previous().actor()) + " at " + SlackText.time(already.previous().at())
                    + ". The offer stays pending until a report shows it active.";
        }
        if (e instanceof AccessDeniedException) {
            return ":no_entry: " + e.getMessage();
        }
        String code = e instanceof DomainException d ? d.code() : e instanceof ApplicationException a ? a.code() : null;
        if (language == Language.DE && code != null && GERMAN.containsKey(code)) {
            return ":warning: " + GERMAN.get(code);
        }
        if (e instanceof InvalidValueException || e instanceof DomainException || e instanceof ApplicationException) {
            return ":warning: " + SlackText.escape(e.getMessage());
        }
        return ":warning: " + Messages.get(language, "error.generic");
    }

    static boolean isExpected(RuntimeException e) {
        return e instanceof DomainException || e instanceof ApplicationException;
    }
}
