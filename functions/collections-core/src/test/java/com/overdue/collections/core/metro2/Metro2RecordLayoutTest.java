package com.overdue.collections.core.metro2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each field at its documented 1-based position and width. The positions are written out here from the Credit
 * Reporting Resource Guide / moov-io/metro2 v0.9.2 layout tables, independently of the writer's own field enums.
 */
class Metro2RecordLayoutTest {

    private static final List<String> RECORDS = records();

    private static List<String> records() {
        Metro2Account account = SamplePortfolio.delinquentLoan("ACCT-7788", 35)
                .scheduledMonthlyPayment(new BigDecimal("150.00"))
                .actualPaymentAmount(new BigDecimal("149.99"))
                .currentBalance(new BigDecimal("3210.55"))
                .amountPastDue(new BigDecimal("150.00"))
                .complianceConditionCode(ComplianceConditionCode.XB)
                .specialComment("AC")
                .generationCode("J")
                .middleName("Q")
                .dateFirstDelinquency(LocalDate.of(2024, 10, 1))
                .dateLastPayment(LocalDate.of(2024, 9, 15))
                .paymentHistoryProfile(PaymentHistoryProfile.of("000000000000000000000BBB"))
                .postalCode("10001-1234")
                .build();
        String file = new String(new Metro2FileWriter()
                .render(SamplePortfolio.reporter(), List.of(account)).content(), StandardCharsets.US_ASCII);
        return List.of(file.split("\n"));
    }

    static Stream<Arguments> headerFields() {
        return Stream.of(
                arguments("Record Descriptor Word", 1, 4, "0426"),
                arguments("Record Identifier", 5, 6, "HEADER"),
                arguments("Cycle Identifier", 11, 2, "  "),
                arguments("Innovis Program Identifier", 13, 10, blank(10)),
                arguments("Equifax Program Identifier", 23, 10, "EQFX000123"),
                arguments("Experian Program Identifier", 33, 5, "EXP01"),
                arguments("TransUnion Program Identifier", 38, 10, "TU00012345"),
                arguments("Activity Date", 48, 8, "11302024"),
                arguments("Date Created", 56, 8, "12012024"),
                arguments("Program Date", 64, 8, "01312024"),
                arguments("Program Revision Date", 72, 8, "06302024"),
                arguments("Reporter Name", 80, 40, pad("OVERDUE LENDING CO", 40)),
                arguments("Reporter Address", 120, 96, pad("100 MAIN STREET, SUITE 5, NEW YORK, NY 10001", 96)),
                arguments("Reporter Telephone Number", 216, 10, "2125550199"),
                arguments("Software Vendor Name", 226, 40, pad("COLLECTIONS ENGINE", 40)),
                arguments("Software Version Number", 266, 5, pad("1.0", 5)),
                arguments("PRBC Program Identifier", 271, 10, blank(10)),
                arguments("Reserved", 281, 146, blank(146)));
    }

    static Stream<Arguments> baseSegmentFields() {
        return Stream.of(
                arguments("Record Descriptor Word", 1, 4, "0426"),
                arguments("Processing Indicator", 5, 1, "1"),
                arguments("Time Stamp", 6, 14, "11302024235959"),
                arguments("Reserved (formerly Correction Indicator)", 20, 1, "0"),
                arguments("Identification Number", 21, 20, pad("FURNISHER0001", 20)),
                arguments("Cycle Identifier", 41, 2, "  "),
                arguments("Consumer Account Number", 43, 30, pad("ACCT-7788", 30)),
                arguments("Portfolio Type", 73, 1, "I"),
                arguments("Account Type", 74, 2, "01"),
                arguments("Date Opened", 76, 8, "01152023"),
                arguments("Credit Limit", 84, 9, "000000000"),
                arguments("Highest Credit or Original Loan Amount", 93, 9, "000005000"),
                arguments("Terms Duration", 102, 3, "036"),
                arguments("Terms Frequency", 105, 1, "M"),
                arguments("Scheduled Monthly Payment Amount", 106, 9, "000000150"),
                arguments("Actual Payment Amount (cents dropped)", 115, 9, "000000149"),
                arguments("Account Status", 124, 2, "71"),
                arguments("Payment Rating", 126, 1, " "),
                arguments("Payment History Profile", 127, 24, "000000000000000000000BBB"),
                arguments("Special Comment", 151, 2, "AC"),
                arguments("Compliance Condition Code", 153, 2, "XB"),
                arguments("Current Balance", 155, 9, "000003210"),
                arguments("Amount Past Due", 164, 9, "000000150"),
                arguments("Original Charge-off Amount", 173, 9, "000000000"),
                arguments("Date of Account Information", 182, 8, "11302024"),
                arguments("Date of First Delinquency", 190, 8, "10012024"),
                arguments("Date Closed", 198, 8, "00000000"),
                arguments("Date of Last Payment", 206, 8, "09152024"),
                arguments("Interest Type Indicator", 214, 1, " "),
                arguments("Reserved", 215, 17, blank(17)),
                arguments("Surname", 232, 25, pad("DOE", 25)),
                arguments("First Name", 257, 20, pad("JOHN", 20)),
                arguments("Middle Name", 277, 20, pad("Q", 20)),
                arguments("Generation Code", 297, 1, "J"),
                arguments("Social Security Number", 298, 9, "123456789"),
                arguments("Date of Birth", 307, 8, "07041980"),
                arguments("Telephone Number", 315, 10, "2125550100"),
                arguments("ECOA Code", 325, 1, "1"),
                arguments("Consumer Information Indicator", 326, 2, "  "),
                arguments("Country Code", 328, 2, "US"),
                arguments("First Line of Address", 330, 32, pad("1 ELM STREET", 32)),
                arguments("Second Line of Address", 362, 32, pad("APT 2B", 32)),
                arguments("City", 394, 20, pad("ALBANY", 20)),
                arguments("State", 414, 2, "NY"),
                arguments("Postal/Zip Code", 416, 9, "100011234"),
                arguments("Address Indicator", 425, 1, "Y"),
                arguments("Residence Code", 426, 1, "R"));
    }

    static Stream<Arguments> trailerFields() {
        Map<String, Integer> statusPositions = Map.ofEntries(
                Map.entry("DF", 30), Map.entry("DA", 66), Map.entry("05", 75), Map.entry("11", 84),
                Map.entry("13", 93), Map.entry("61", 102), Map.entry("62", 111), Map.entry("63", 120),
                Map.entry("64", 129), Map.entry("65", 138), Map.entry("71", 147), Map.entry("78", 156),
                Map.entry("80", 165), Map.entry("82", 174), Map.entry("83", 183), Map.entry("84", 192),
                Map.entry("88", 201), Map.entry("89", 210), Map.entry("93", 219), Map.entry("94", 228),
                Map.entry("95", 237), Map.entry("96", 246), Map.entry("97", 255));
        Stream<Arguments> fixed = Stream.of(
                arguments("Record Descriptor Word", 1, 4, "0426"),
                arguments("Record Identifier", 5, 7, "TRAILER"),
                arguments("Total Base Records", 12, 9, "000000001"),
                arguments("Reserved", 21, 9, blank(9)),
                arguments("Total of Consumer Segments J1", 39, 9, "000000000"),
                arguments("Total of Consumer Segments J2", 48, 9, "000000000"),
                arguments("Block Count", 57, 9, "000000003"),
                arguments("Total ECOA Code Z", 264, 9, "000000000"),
                arguments("Total Employment Segments", 273, 9, "000000000"),
                arguments("Total Original Creditor Segments", 282, 9, "000000000"),
                arguments("Total Purchased From/Sold To Segments", 291, 9, "000000000"),
                arguments("Total Mortgage Information Segments", 300, 9, "000000000"),
                arguments("Total Specialized Payment Information Segments", 309, 9, "000000000"),
                arguments("Total Change Segments", 318, 9, "000000000"),
                arguments("Total Social Security Numbers All Segments", 327, 9, "000000001"),
                arguments("Total Social Security Numbers Base Segments", 336, 9, "000000001"),
                arguments("Total Social Security Numbers J1 Segments", 345, 9, "000000000"),
                arguments("Total Social Security Numbers J2 Segments", 354, 9, "000000000"),
                arguments("Total Dates of Birth All Segments", 363, 9, "000000001"),
                arguments("Total Dates of Birth Base Segments", 372, 9, "000000001"),
                arguments("Total Dates of Birth J1 Segments", 381, 9, "000000000"),
                arguments("Total Dates of Birth J2 Segments", 390, 9, "000000000"),
                arguments("Total Telephone Numbers All Segments", 399, 9, "000000001"),
                arguments("Reserved", 408, 19, blank(19)));
        Stream<Arguments> statuses = statusPositions.entrySet().stream()
                .map(e -> arguments("Total Status Code " + e.getKey(), e.getValue(), 9,
                        e.getKey().equals("71") ? "000000001" : "000000000"));
        return Stream.concat(fixed, statuses);
    }

    @ParameterizedTest(name = "header {0} is at {1} for {2}: [{3}]")
    @MethodSource("headerFields")
    void header_field_sits_at_its_documented_position(String field, int start, int length, String expected) {
        assertThat(slice(RECORDS.get(0), start, length)).as(field).isEqualTo(expected);
    }

    @ParameterizedTest(name = "base segment {0} is at {1} for {2}: [{3}]")
    @MethodSource("baseSegmentFields")
    void base_segment_field_sits_at_its_documented_position(String field, int start, int length, String expected) {
        assertThat(slice(RECORDS.get(1), start, length)).as(field).isEqualTo(expected);
    }

    @ParameterizedTest(name = "trailer {0} is at {1} for {2}: [{3}]")
    @MethodSource("trailerFields")
    void trailer_field_sits_at_its_documented_position(String field, int start, int length, String expected) {
        assertThat(slice(RECORDS.get(2), start, length)).as(field).isEqualTo(expected);
    }

    private static String slice(String record, int start, int length) {
        return record.substring(start - 1, start - 1 + length);
    }

    private static String pad(String value, int width) {
        return value + blank(width - value.length());
    }

    private static String blank(int width) {
        return " ".repeat(width);
    }
}
