package com.overdue.collections.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.overdue.collections.core.contact.ContactDecision;
import com.overdue.collections.core.contact.ContactEvaluation;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.lambda.dynamodb.ContactRecordDocument;
import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.emulators.crash.CrashInjector;
import com.overdue.collections.lambda.engine.EngineAdapters;
import com.overdue.collections.lambda.ses.MimeEmail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reminder channels of the local runner: files instead of SES and SNS, {@code outbox/email/<messageId>.eml} (the
 * exact MIME SES would send), {@code outbox/sms.jsonl}, a copy of every in-app message in {@code outbox/inapp.jsonl},
 * and every contact decision in {@code contacts.jsonl}; the engine's reminder use cases run on them unchanged. Each
 * send is a crash point pair ({@code file.email}, {@code file.sms}, {@code file.inapp}) and a delivery by id.
 */
final class LocalReminders implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** "<STATE> <CHANNEL> <deciding rule>" → count of decisions. */
    final Map<String, Long> decisions = new TreeMap<>();
    /** loanId → the contacts sent for it ("messageId businessDate"), for the run report's contacts per cured loan. */
    final Map<String, java.util.Set<String>> sentByLoan = new TreeMap<>();
    private final BufferedWriter contacts;
    private final BufferedWriter sms;
    private final BufferedWriter inapp;
    private final Path emailDir;
    private final Clock clock;
    private final CrashInjector crashes;
    private final Deliveries deliveries;
    long emails;

    LocalReminders(Path out, Clock clock) throws IOException {
        this(out, clock, CrashInjector.off(), new Deliveries());
    }

    LocalReminders(Path out, Clock clock, CrashInjector crashes, Deliveries deliveries) throws IOException {
        this.clock = clock;
        this.crashes = crashes;
        this.deliveries = deliveries;
        this.emailDir = Files.createDirectories(out.resolve("outbox").resolve("email"));
        this.contacts = Files.newBufferedWriter(out.resolve("contacts.jsonl"), StandardCharsets.UTF_8);
        this.sms = Files.newBufferedWriter(out.resolve("outbox").resolve("sms.jsonl"), StandardCharsets.UTF_8);
        this.inapp = Files.newBufferedWriter(out.resolve("outbox").resolve("inapp.jsonl"), StandardCharsets.UTF_8);
    }

    /** Gives the engine these channels and the journal in place of SES, SNS and the bare table inbox. */
    EngineAdapters.Builder wire(EngineAdapters.Builder adapters) {
        return adapters.emailSender(this::writeEmail).smsSender(this::writeSms).inbox(this::copyingInbox)
                .contactJournal(this::journal);
    }

    private String writeEmail(MimeEmail email) {
        Path file = emailDir.resolve(email.messageId() + ".eml");
        byte[] bytes = email.toBytes();
        return crashes.call("file.email", () -> {
            Effects.apply(() -> {
                try {
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                emails++;
                deliveries.delivered("email", email.messageId());
            });
            return "file:" + file.getFileName();
        });
    }

    private String writeSms(String phone, String text) {
        java.time.Instant at = clock.instant();
        return crashes.call("file.sms", () -> {
            Effects.apply(() -> {
                line(sms, MAPPER.createObjectNode().put("at", at.toString()).put("to", phone)
                        .put("text", text).toString());
                // An SMS carries no id of its own: known by recipient, text and UTC day (one per contact and day).
                deliveries.delivered("sms", sha256(phone + "\n" + text + "\n"
                        + at.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
            });
            return "sms:" + at;
        });
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's inbox, with a line in inapp.jsonl for every message delivered to it. */
    private Inbox copyingInbox(Inbox table) {
        return new Inbox() {
            @Override
            public void deliver(InboxMessage m) {
                table.deliver(m);
                crashes.run("file.inapp", () -> Effects.apply(() -> {
                    line(inapp, MAPPER.createObjectNode().put("borrowerId", m.borrowerId())
                            .put("messageId", m.messageId()).put("deliveredAt", m.deliveredAt().toString())
                            .put("title", m.title()).put("body", m.body()).toString());
                    deliveries.delivered("inapp", m.messageId());
                }));
            }

            @Override
            public List<InboxMessage> list(String borrowerId, int limit) {
                return table.list(borrowerId, limit);
            }

            @Override
            public int markRead(String borrowerId, List<String> messageIds) {
                return table.markRead(borrowerId, messageIds);
            }
        };
    }

    private void journal(ContactRecord r) {
        Effects.apply(() -> record(r));
    }

    private void record(ContactRecord r) {
        line(contacts, ContactRecordDocument.write(r));
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
        if (r.state() == com.overdue.collections.core.contact.ContactState.SENT) {
            for (String loanId : r.loanIds()) {
                sentByLoan.computeIfAbsent(loanId, k -> new java.util.TreeSet<>())
                        .add(r.messageId() + " " + r.businessDate());
            }
        }
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
