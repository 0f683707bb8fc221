package com.overdue.collections.lambda;

import com.overdue.collections.core.port.Inbox;
import com.overdue.collections.lambda.dynamodb.DynamoDbInbox;
import com.overdue.collections.lambda.engine.CollectionsEngine;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** reminderInbox as the app back end calls it: list a borrower's in-app reminders, newest first; mark some read. */
@QuarkusTest
@TestProfile(ReminderInboxFunctionTest.InboxProfile.class)
@QuarkusTestResource(value = EmulatorsResource.class, restrictToAnnotatedClass = true)
class ReminderInboxFunctionTest {

    /** Exports the inbox function. */
    public static class InboxProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "reminderInbox");
        }
    }

    @Inject
    CollectionsEngine engine;

    @Test
    void lists_newest_first_and_marks_read() {
        inbox().deliver(new Inbox.InboxMessage("B-IN", "M1", Instant.parse("2026-03-02T01:00:00Z"), "first", "a",
                false));
        inbox().deliver(new Inbox.InboxMessage("B-IN", "M2", Instant.parse("2026-03-05T01:00:00Z"), "second", "b",
                false));
        // The same message delivered again (a retried send) stays one message.
        inbox().deliver(new Inbox.InboxMessage("B-IN", "M2", Instant.parse("2026-03-05T01:00:00Z"), "second", "b",
                false));

        JsonPath list = call("{\"borrowerId\":\"B-IN\"}");
        assertThat(list.getList("messages.messageId")).containsExactly("M2", "M1");
        assertThat(list.getInt("unread")).isEqualTo(2);

        JsonPath marked = call("{\"borrowerId\":\"B-IN\",\"markRead\":[\"M1\"],\"limit\":10}");
        assertThat(marked.getInt("markedRead")).isEqualTo(1);
        assertThat(marked.getInt("unread")).isEqualTo(1);
        assertThat(marked.getList("messages.read")).containsExactly(false, true);
        assertThat(marked.getString("messages[0].title")).isEqualTo("second");
    }

    @Test
    void a_request_without_borrower_is_an_error_naming_the_field() {
        String body = RestAssured.given().contentType("application/json").body("{\"markRead\":[]}")
                .post("/").then().statusCode(500).extract().asString();
        assertThat(body).contains("borrowerId is required");
    }

    private static JsonPath call(String json) {
        return RestAssured.given().contentType("application/json").body(json).post("/").then().statusCode(200)
                .extract().jsonPath();
    }

    private DynamoDbInbox inbox() {
        return engine.tableInbox();
    }
}
