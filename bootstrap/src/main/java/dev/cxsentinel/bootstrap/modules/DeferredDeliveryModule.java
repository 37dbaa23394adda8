package dev.cxsentinel.bootstrap.modules;

import com.google.inject.AbstractModule;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.domain.Offer;
import java.time.Duration;

/**
 * For {@code import}: the notifications an import owes stay in the store for the running (or next) {@code serve}
 * to deliver; this process sends nothing itself.
 */
public final class DeferredDeliveryModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Notifier.class).toInstance(new Notifier() {
            @Override
            public Result send(Notification notification, Offer offer, String threadTs) {
                return new Result.RetryLater(Duration.ofMinutes(1), "delivered by serve", false);
            }

            @Override
            public Result sendDigest(Digest digest) {
                return new Result.RetryLater(Duration.ofMinutes(1), "delivered by serve", false);
            }

            @Override
            public Result sendReview(WeeklyReview review) {
                return new Result.RetryLater(Duration.ofMinutes(1), "delivered by serve", false);
            }
        });
    }
}
