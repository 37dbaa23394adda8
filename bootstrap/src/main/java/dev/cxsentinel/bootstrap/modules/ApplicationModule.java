package dev.cxsentinel.bootstrap.modules;

import com.google.inject.AbstractModule;
import dev.cxsentinel.application.model.Admins;
import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.in.LinkChannel;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.ManageOperators;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.in.RecoverInterruptedImports;
import dev.cxsentinel.application.port.in.SendReminders;
import dev.cxsentinel.application.port.in.SendWeeklyReviews;
import dev.cxsentinel.application.port.in.ShowHome;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.application.port.in.SnoozeOffer;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.DispatchSignal;
import dev.cxsentinel.application.report.SpreadsheetReader;
import dev.cxsentinel.application.service.AccessService;
import dev.cxsentinel.application.service.AdministrationService;
import dev.cxsentinel.application.service.DispatchLoop;
import dev.cxsentinel.application.service.HomeService;
import dev.cxsentinel.application.service.ImportService;
import dev.cxsentinel.application.service.NotificationDispatcher;
import dev.cxsentinel.application.service.OfferActionService;
import dev.cxsentinel.application.service.OfferQueryService;
import dev.cxsentinel.application.service.ImportRecovery;
import dev.cxsentinel.application.service.ReminderService;
import dev.cxsentinel.application.service.WeeklyReviewService;
import dev.cxsentinel.bootstrap.spreadsheet.FastexcelSpreadsheetReader;

/** The use cases and their settings. */
public final class ApplicationModule extends AbstractModule {
    private final Admins admins;
    private final AlertSettings alerts;
    private final DeliverySettings delivery;
    private final ReviewSchedule reviews;

    public ApplicationModule(Admins admins, AlertSettings alerts, DeliverySettings delivery, ReviewSchedule reviews) {
        this.reviews = reviews;
        this.admins = admins;
        this.alerts = alerts;
        this.delivery = delivery;
    }

    @Override
    protected void configure() {
        bind(Admins.class).toInstance(admins);
        bind(AlertSettings.class).toInstance(alerts);
        bind(DeliverySettings.class).toInstance(delivery);
        bind(ReviewSchedule.class).toInstance(reviews);
        bind(Clock.class).to(SystemClock.class);
        bind(ResolveAccount.class).to(AccessService.class);
        bind(RelistOffer.class).to(OfferActionService.class);
        bind(DisputeClosure.class).to(OfferActionService.class);
        bind(RecordRemedy.class).to(OfferActionService.class);
        bind(SnoozeOffer.class).to(OfferActionService.class);
        bind(ShowOffer.class).to(OfferQueryService.class);
        bind(ListOffers.class).to(OfferQueryService.class);
        bind(LinkChannel.class).to(AdministrationService.class);
        bind(ManageOperators.class).to(AdministrationService.class);
        bind(ImportCxReport.class).to(ImportService.class);
        bind(SpreadsheetReader.class).to(FastexcelSpreadsheetReader.class);
        bind(ShowHome.class).to(HomeService.class);
        bind(DeliverNotifications.class).to(NotificationDispatcher.class);
        bind(SendReminders.class).to(ReminderService.class);
        bind(SendWeeklyReviews.class).to(WeeklyReviewService.class);
        bind(RecoverInterruptedImports.class).to(ImportRecovery.class);
        bind(DispatchSignal.class).to(DispatchLoop.class);
    }
}
