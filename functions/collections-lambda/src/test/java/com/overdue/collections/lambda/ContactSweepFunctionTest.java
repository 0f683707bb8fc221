package com.overdue.collections.lambda;

import com.overdue.collections.core.application.IngestEventUseCase;
import com.overdue.collections.core.application.IngestOutcome;
import com.overdue.collections.core.application.ReminderFanOutUseCase;
import com.overdue.collections.core.contact.ContactRecord;
import com.overdue.collections.core.contact.ContactState;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * contactSweep driven through the Funqy mock event server the way EventBridge Scheduler invokes it every 15 minutes
 * (an empty scheduled event), on DynamoDB Local and moto: a reminder deferred by quiet hours at 23:00 goes out at
 * 08:00, once, and a second sweep finds nothing to do.
 */
@QuarkusTest
@TestProfile(ContactSweepFunctionTest.SweepProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class ContactSweepFunctionTest {

    /** Exports the sweep function. */
    public static class SweepProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "contactSweep");
        }
    }

    @Inject
    IngestEventUseCase ingest;
    @Inject
    ReminderFanOutUseCase fanOut;
    @Inject
    CollectionsEngine engine;

    @BeforeAll
    static void verifySenderIdentity() {
        ReminderFanOutFunctionTest.verifySenderIdentity();
    }

    @Test
    void a_reminder_deferred_by_quiet_hours_is_sent_by_the_scheduled_sweep_once() throws Exception {
        TestClock.set("2026-01-01T01:00:00Z");
        assertThat(ingest.ingest(ReminderFanOutFunctionTest.booked("s1", "L-SW", "B-SW", "CN", "zh-CN",
                "2026-02-02", "Lan", "+8613800000009"))).isInstanceOf(IngestOutcome.Applied.class);

        TestClock.set("2026-02-09T15:00:00Z"); // 23:00 in Shanghai, DPD 7: inside quiet hours
        fanOut.fanOut("L-SW", "B-SW", LocalDate.parse("2026-02-09"));
        assertThat(contacts()).isNotEmpty().allSatisfy(r -> assertThat(r.state()).isEqualTo(ContactState.DEFERRED));
        int smsBefore = ReminderFanOutFunctionTest.sentSms().size();

        TestClock.set("2026-02-09T23:45:00Z"); // 07:45: still quiet
        assertThat(sweep().getInt("attempted")).isZero();

        TestClock.set("2026-02-10T00:00:00Z"); // 08:00
        JsonPath swept = sweep();
        int deferred = contacts().size();
        assertThat(swept.getInt("attempted")).isEqualTo(deferred);
        assertThat(swept.getInt("outcomes.SENT")).isEqualTo(deferred);
        assertThat(contacts()).allSatisfy(r -> assertThat(r.state()).isEqualTo(ContactState.SENT));
        assertThat(ReminderFanOutFunctionTest.sentSms()).hasSize(smsBefore + 1);

        // The next run (15 minutes later) has nothing left to send.
        TestClock.set("2026-02-10T00:15:00Z");
        assertThat(sweep().getInt("attempted")).isZero();
        assertThat(ReminderFanOutFunctionTest.sentSms()).hasSize(smsBefore + 1);
    }

    private java.util.List<ContactRecord> contacts() {
        return engine.contactLedger().message("B-SW", LocalDate.parse("2026-02-09"));
    }

    private static JsonPath sweep() {
        return RestAssured.given().contentType("application/json").body("{}").post("/")
                .then().statusCode(200).extract().jsonPath();
    }
}
