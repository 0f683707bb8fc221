package com.overdue.collections.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.application.CollectionsSettings;
import com.overdue.collections.core.application.ContactSweepUseCase;
import com.overdue.collections.core.application.ReminderDelivery;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.calendar.BusinessCalendars;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactPolicy;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactRecordJson;
import com.overdue.collections.core.port.BorrowerDirectory;
import com.overdue.collections.core.port.ContactJournal;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.core.port.LoanRepository;
import com.overdue.collections.core.reminder.SenderProfiles;
import com.overdue.collections.lambda.dynamodb.DynamoDbContactLedger;
import com.overdue.collections.lambda.dynamodb.DynamoDbInbox;
import com.overdue.collections.lambda.reminder.QuteReminderRenderer;
import com.overdue.collections.lambda.reminder.ReminderChannels;
import com.overdue.collections.lambda.ses.MimeEmail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reminder pipeline of the local runner: the same use cases, DynamoDB contact ledger, inbox and Qute templates
 * as the Lambda functions, with files instead of SES and SNS: {@code outbox/email/<messageId>.eml} (the exact MIME
 * SES would send), {@code outbox/sms.jsonl}, {@code outbox/inapp.jsonl}, and every decision in
 * {@code contacts.jsonl}.
 */
final class LocalReminders implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final ReminderFanOutUseCase fanOut;
    final ContactSweepUseCase sweep;
    /** "<STATE> <CHANNEL> <deciding rule>" → count of decisions. */
    final Map<String, Long> decisions = new TreeMap<>();
    private final BufferedWriter contacts;
    private final BufferedWriter sms;
    private final BufferedWriter inapp;
    private final Path emailDir;
    private final Clock clock;
    long emails;

    LocalReminders(DynamoDbClient client, String table, LoanRepository loans, BorrowerDirectory borrowers,
                   CollectionsSettings settings, Clock clock, Path out) throws IOException {
        this.clock = clock;
        this.emailDir = Files.createDirectories(out.resolve("outbox").resolve("email"));
        this.contacts = Files.newBufferedWriter(out.resolve("contacts.jsonl"), StandardCharsets.UTF_8);
        this.sms = Files.newBufferedWriter(out.resolve("outbox").resolve("sms.jsonl"), StandardCharsets.UTF_8);
        this.inapp = Files.newBufferedWriter(out.resolve("outbox").resolve("inapp.jsonl"), StandardCharsets.UTF_8);
        DynamoDbContactLedger ledger = new DynamoDbContactLedger(client, table, 4);
        DynamoDbInbox dynamoInbox = new DynamoDbInbox(client, table);
        Inbox inbox = new Inbox() {
            @Override
            public void deliver(InboxMessage m) {
                dynamoInbox.deliver(m);
                line(inapp, MAPPER.createObjectNode().put("borrowerId", m.borrowerId()).put("messageId", m.messageId())
                        .put("deliveredAt", m.deliveredAt().toString()).put("title", m.title()).put("body", m.body())
                        .toString());
            }

            @Override
            public List<InboxMessage> list(String borrowerId, int limit) {
                return dynamoInbox.list(borrowerId, limit);
            }

            @Override
            public int markRead(String borrowerId, List<String> messageIds) {
                return dynamoInbox.markRead(borrowerId, messageIds);
            }
        };
        ReminderChannels channels = new ReminderChannels(this::writeEmail, this::writeSms, inbox,
                "reminders@example.com", "mailto:unsubscribe@example.com", clock);
        ContactJournal journal = this::journal;
        ReminderDelivery delivery = new ReminderDelivery(loans, borrowers, ledger, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().contactPolicy(),
                new QuteReminderRenderer(), channels, com.overdue.collections.core.config.EngineConfiguration.fromClasspath().senders(), settings, journal, clock);
        this.fanOut = new ReminderFanOutUseCase(loans, ledger, borrowers, ledger, delivery,
                com.overdue.collections.core.config.EngineConfiguration.fromClasspath().cadence(), com.overdue.collections.core.config.EngineConfiguration.fromClasspath().calendars(), settings);
        this.sweep = new ContactSweepUseCase(ledger, delivery, 500);
    }

    private String writeEmail(MimeEmail email) {
        Path file = emailDir.resolve(email.messageId() + ".eml");
        try {
            Files.write(file, email.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emails++;
        return "file:" + file.getFileName();
    }

    private String writeSms(String phone, String text) {
        line(sms, MAPPER.createObjectNode().put("at", clock.instant().toString()).put("to", phone).put("text", text)
                .toString());
        return "sms:" + clock.instant();
    }

    private void journal(ContactRecord r) {
        line(contacts, ContactRecordJson.write(r).toString());
        ContactEvaluation e = r.lastEvaluation();
        String rule = "-";
        if (e != null && e.decision() instanceof ContactDecision.Defer d) {
            rule = d.rule();
        } else if (e != null && e.decision() instanceof ContactDecision.Suppress s) {
            rule = s.rule();
        } else if (r.note() != null) {
            rule = "provider";
        }
        decisions.merge(r.state() + " " + r.channel() + " " + rule, 1L, Long::sum);
    }

    private static void line(BufferedWriter w, String json) {
        try {
            w.write(json);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        contacts.close();
        sms.close();
        inapp.close();
    }
}
