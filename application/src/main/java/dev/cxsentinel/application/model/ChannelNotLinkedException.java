package dev.cxsentinel.application.model;

/** The conversation is not bound to a seller account yet. */
public final class ChannelNotLinkedException extends ApplicationException {
    public ChannelNotLinkedException(ChannelId channel) {
        super("channel-not-linked", "This channel is not linked to a seller account yet. An admin links it with "
                + "`/cx link <ACCOUNT> [en|de]`, for example `/cx link A2EUQ1WTGCTBG2 de`.");
    }
}
