package com.overdue.collections.lambda.config;

import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.InboxUseCase;
import com.overdue.collections.core.application.ReminderDelivery;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.ContactJournal;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.reminder.SenderProfiles;
import com.overdue.collections.lambda.dynamodb.DynamoDbContactLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbInbox;
import com.overdue.collections.lambda.reminder.QuteReminderRenderer;
import com.overdue.collections.lambda.reminder.ReminderChannels;
import com.overdue.collections.lambda.ses.SesEmailSender;
import com.overdue.collections.lambda.sns.SnsSmsSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;

/** Wires the reminder use cases (fan-out, sweep, inbox) to DynamoDB, SES, SNS and the Qute templates. */
@ApplicationScoped
public class ReminderBeans {

    @Produces
    @Singleton
    DynamoDbContactLedger contactLedger(DynamoDbClient dynamoDb,
                                        @ConfigProperty(name = "collections.table-name") String tableName,
                                        @ConfigProperty(name = "collections.reminders.defer-shards") int shards) {
        return new DynamoDbContactLedger(dynamoDb, tableName, shards);
    }

    @Produces
    @Singleton
    DynamoDbInbox inbox(DynamoDbClient dynamoDb, @ConfigProperty(name = "collections.table-name") String tableName) {
        return new DynamoDbInbox(dynamoDb, tableName);
    }

    @Produces
    @Singleton
    ReminderDelivery reminderDelivery(LoanRepository loans, BorrowerDirectory borrowers, DynamoDbContactLedger ledger,
                                      DynamoDbInbox inbox, SesClient ses, SnsClient sns, CollectionsSettings settings,
                                      Clock clock,
                                      @ConfigProperty(name = "collections.reminders.email-from") String from,
                                      @ConfigProperty(name = "collections.reminders.unsubscribe-mailto") String mailto,
                                      @ConfigProperty(name = "collections.reminders.sms-sender-id") String senderId) {
        SesEmailSender email = new SesEmailSender(ses);
        SnsSmsSender sms = new SnsSmsSender(sns, senderId);
        ReminderChannels channels = new ReminderChannels(email::send, sms::send, inbox, from, mailto, clock);
        return new ReminderDelivery(loans, borrowers, ledger, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().contactPolicy(), new QuteReminderRenderer(),
                channels, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().senders(), settings, ContactJournal.NONE, clock);
    }

    @Produces
    @Singleton
    ReminderFanOutUseCase reminderFanOut(LoanRepository loans, BorrowerDirectory borrowers,
                                         DynamoDbContactLedger ledger, ReminderDelivery delivery,
                                         CollectionsSettings settings) {
        return new ReminderFanOutUseCase(loans, ledger, borrowers, ledger, delivery, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().cadence(),
                com.overdue.collections.core.config.EngineConfiguration.fromClasspath().calendars(), settings);
    }

    @Produces
    @Singleton
    ContactSweepUseCase contactSweep(DynamoDbContactLedger ledger, ReminderDelivery delivery) {
        return new ContactSweepUseCase(ledger, delivery, 100);
    }

    @Produces
    @Singleton
    InboxUseCase inboxUseCase(DynamoDbInbox inbox) {
        return new InboxUseCase(inbox);
    }
}
