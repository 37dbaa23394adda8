package dev.cxsentinel.application.model;

/** The conversation is not bound to a seller account yet. */
public final class ChannelNotLinkedException extends ApplicationException {
    public ChannelNotLinkedException(ChannelId channel) {
        super("channel-not-linked", "channel " + channel.value() + " is not linked to a seller account");
    }
}
