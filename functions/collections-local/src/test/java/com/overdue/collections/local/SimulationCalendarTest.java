package com.overdue.collections.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simulate} over years without calendar files: US years come from the Federal holiday rule, and a CN year
 * without a file fails only that loan's work items, which the report counts, while the run goes on.
 */
class SimulationCalendarTest {

    static String booked(String eventId, String loanId, String jurisdiction, String booked, String... dueDates) {
        boolean cn = jurisdiction.equals("CN");
        String zone = cn ? "Asia/Shanghai" : "America/New_York";
        StringBuilder installments = new StringBuilder();
        for (int i = 0; i < dueDates.length; i++) {
            installments.append(i == 0 ? "" : ",").append("{\"seq\":").append(i + 1).append(",\"dueDate\":\"")
                    .append(dueDates[i]).append("\",\"principal\":\"300.00\",\"interest\":\"10.00\",\"fees\":\"0.00\"}");
        }
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"LoanBooked\",\"schemaVersion\":1,\"occurredAt\":\""
                + booked + "T01:00:00Z\",\"loanId\":\"" + loanId + "\",\"payload\":{\"borrowerId\":\"B-" + loanId
                + "\",\"productCode\":\"" + (cn ? "CONSUMER-INSTALMENT" : "US-CONSUMER-INSTALMENT")
                + "\",\"currency\":\"" + (cn ? "CNY" : "USD") + "\",\"jurisdiction\":\"" + jurisdiction
                + "\",\"timeZone\":\"" + zone + "\",\"principal\":\"" + (300 * dueDates.length) + ".00\",\"disbursedOn\":\""
                + booked + "\",\"installments\":[" + installments + "],\"borrower\":{\"name\":{\"first\":\""
                + (cn ? "Na" : "Emily") + "\",\"last\":\"" + (cn ? "Wang" : "Johnson") + "\"},\"locale\":\""
                + (cn ? "zh-CN" : "en-US") + "\",\"timeZone\":\"" + zone + "\",\"email\":\"" + loanId.toLowerCase()
                + "@example.com\",\"phone\":\"" + (cn ? "+8613800138000" : "+12125550143") + "\"}}}";
    }

    private static SimulationReport run(List<String> events, LocalDate from, LocalDate to, String dir)
            throws Exception {
        Path out = Paths.get(System.getProperty("basedir", "."), "target", "calendars", dir);
        return new Simulation(LocalTime.of(6, 0), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), 0).run(events, from, to, out);
    }

    @Test
    void us_loans_due_in_2023_are_reminded_on_the_federal_calendar_computed_for_2023() throws Exception {
        // Due Friday 13 January 2023: Monday the 16th is Martin Luther King Jr. Day, so R1 goes out on the 17th.
        SimulationReport report = run(List.of(booked("E-1", "L-US23", "US", "2022-12-13", "2023-01-13",
                "2023-02-13")), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28), "us-2023");

        assertThat(report.calendarMissing).isEmpty();
        assertThat(report.loans).isEqualTo(1);
        assertThat(report.contactDecisions).isNotEmpty();
        Path contacts = Paths.get(System.getProperty("basedir", "."), "target", "calendars", "us-2023",
                "contacts.jsonl");
        assertThat(Files.readAllLines(contacts)).isNotEmpty()
                .noneMatch(l -> l.contains("\"businessDate\":\"2023-01-16\""))
                .anyMatch(l -> l.contains("2023-01-17"));
    }

    @Test
    void a_cn_loan_in_a_year_without_a_cn_file_fails_only_its_own_work_items_and_the_run_reports_them()
            throws Exception {
        // CN files cover 2025-2027; 2028 has none (CN years are published yearly, never computed). The US loan
        // of the same run is reminded as usual.
        SimulationReport report = run(List.of(
                        booked("E-1", "L-CN28", "CN", "2027-12-10", "2028-01-10"),
                        booked("E-2", "L-US28", "US", "2027-12-10", "2028-01-10")),
                LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 31), "cn-2028");

        assertThat(report.calendarMissing).isNotEmpty()
                .allSatisfy(item -> assertThat(item).startsWith("reminderFanOut L-CN28 CN 2028 "));
        assertThat(report.calendarMissingByYear()).containsOnlyKeys("reminderFanOut CN 2028");
        assertThat(report.loans).isEqualTo(2);
        assertThat(report.contactDecisions.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(report.toJson().path("calendarMissing").path("workItems").asInt())
                .isEqualTo(report.calendarMissing.size());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Work items failed for a missing calendar year: " + report.calendarMissing.size())
                .contains("reminderFanOut CN 2028");
    }
}
