package com.overdue.collections.core.metro2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Metro2FileWriterTest {

    private final Metro2FileWriter writer = new Metro2FileWriter();

    @Test
    void every_record_is_exactly_426_bytes_and_ends_with_a_line_feed() {
        byte[] content = writer.render(SamplePortfolio.reporter(), SamplePortfolio.variedAccounts()).content();

        List<String> records = records(content);
        assertThat(records).hasSize(SamplePortfolio.variedAccounts().size() + 2);
        assertThat(records).allSatisfy(record -> {
            assertThat(record).hasSize(426);
            assertThat(record).startsWith("0426");
        });
        assertThat(content).hasSize(records.size() * 427);
        assertThat(content[content.length - 1]).isEqualTo((byte) '\n');
        assertThat(records.get(0).substring(4, 10)).isEqualTo("HEADER");
        assertThat(records.get(records.size() - 1).substring(4, 11)).isEqualTo("TRAILER");
    }

    @Test
    void the_file_is_upper_case_printable_ascii_only() {
        byte[] content = writer.render(SamplePortfolio.reporter(), SamplePortfolio.variedAccounts()).content();

        for (byte b : content) {
            assertThat(b == '\n' || (b >= 0x20 && b <= 0x7E)).as("byte %d", b).isTrue();
            assertThat(b >= 'a' && b <= 'z').as("lower-case byte %c", (char) b).isFalse();
        }
    }

    @Test
    void chinese_emoji_and_line_breaks_in_names_do_not_break_the_width_and_are_flagged() {
        Metro2Account account = SamplePortfolio.currentLoan("ACC-CN-1")
                .surname("王 Wang")
                .firstName("小明\nXiaoming 😀")
                .middleName("Zoë\tÅsa")
                .addressLine1("上海市 88 Century Avenue")
                .build();

        Metro2File file = writer.render(SamplePortfolio.reporter(), List.of(account));

        String base = records(file.content()).get(1);
        assertThat(base).hasSize(426);
        assertThat(base.substring(231, 256)).isEqualTo(pad("WANG", 25));
        assertThat(base.substring(256, 276)).isEqualTo(pad("XIAOMING", 20));
        assertThat(base.substring(276, 296)).isEqualTo(pad("ZOE ASA", 20));
        assertThat(base.substring(329, 361)).isEqualTo(pad("88 CENTURY AVENUE", 32));
        assertThat(file.result().adjustments())
                .extracting(FieldAdjustment::consumerAccountNumber, FieldAdjustment::field, FieldAdjustment::kind)
                .containsExactlyInAnyOrder(
                        tuple("ACC-CN-1", "surname", FieldAdjustment.Kind.BLANKED),
                        tuple("ACC-CN-1", "firstName", FieldAdjustment.Kind.BLANKED),
                        tuple("ACC-CN-1", "middleName", FieldAdjustment.Kind.TRANSLITERATED),
                        tuple("ACC-CN-1", "middleName", FieldAdjustment.Kind.BLANKED),
                        tuple("ACC-CN-1", "addressLine1", FieldAdjustment.Kind.BLANKED));
    }

    @Test
    void a_flag_names_the_account_and_field_but_never_the_value() {
        Metro2Account account = SamplePortfolio.currentLoan("ACC-CN-2").surname("欧阳 Ouyang").build();

        FieldAdjustment flag = writer.render(SamplePortfolio.reporter(), List.of(account))
                .result().adjustments().get(0);

        assertThat(flag.toString()).doesNotContain("欧阳").doesNotContain("OUYANG");
    }

    @Test
    void text_longer_than_its_field_is_cut_at_the_width_and_flagged() {
        Metro2Account account = SamplePortfolio.currentLoan("ACC-LONG")
                .surname("Wolfeschlegelsteinhausenbergerdorff").build();

        Metro2File file = writer.render(SamplePortfolio.reporter(), List.of(account));

        assertThat(records(file.content()).get(1).substring(231, 256)).isEqualTo("WOLFESCHLEGELSTEINHAUSENB");
        assertThat(file.result().adjustments()).extracting(FieldAdjustment::kind)
                .containsExactly(FieldAdjustment.Kind.TRUNCATED);
    }

    @Test
    void amounts_are_whole_units_with_cents_dropped_and_credit_balances_reported_as_zero() {
        Metro2Account account = SamplePortfolio.currentLoan("ACC-AMT")
                .highestCredit(new BigDecimal("5000.99"))
                .scheduledMonthlyPayment(new BigDecimal("150.5"))
                .actualPaymentAmount(new BigDecimal("0.99"))
                .currentBalance(new BigDecimal("-12.30"))
                .build();

        Metro2File file = writer.render(SamplePortfolio.reporter(), List.of(account));

        String base = records(file.content()).get(1);
        assertThat(base.substring(92, 101)).isEqualTo("000005000");
        assertThat(base.substring(105, 114)).isEqualTo("000000150");
        assertThat(base.substring(114, 123)).isEqualTo("000000000");
        assertThat(base.substring(154, 163)).isEqualTo("000000000");
        assertThat(file.result().adjustments()).extracting(FieldAdjustment::field, FieldAdjustment::kind)
                .containsExactly(tuple("currentBalance", FieldAdjustment.Kind.OMITTED));
    }

    @Test
    void accounts_that_cannot_be_valid_metro2_are_left_out_with_their_reasons_and_the_rest_is_written() {
        List<Metro2Account> accounts = List.of(
                SamplePortfolio.currentLoan("ACC-OK").build(),
                SamplePortfolio.currentLoan("ACC-CJK").surname("张").build(),
                SamplePortfolio.paidLoan("ACC-13").paymentRating(null).build(),
                SamplePortfolio.delinquentLoan("ACC-71", 40).paymentRating(PaymentRating.PAST_DUE_30_59)
                        .dateFirstDelinquency(null).build(),
                SamplePortfolio.chargedOffLoan("ACC-97").originalChargeOffAmount(null).build(),
                SamplePortfolio.currentLoan("ACC-BIG").currentBalance(new BigDecimal("1000000000")).build(),
                SamplePortfolio.currentLoan("ACC-ST").state("New York").build(),
                SamplePortfolio.currentLoan("账户-1").build(),
                SamplePortfolio.currentLoan("ACC-ID").socialSecurityNumber(null).dateOfBirth(null).build());

        Metro2File file = writer.render(SamplePortfolio.reporter(), accounts);

        assertThat(records(file.content())).hasSize(3);
        assertThat(file.result().baseRecordsWritten()).isEqualTo(1);
        assertThat(file.result().totals().blockCount()).isEqualTo(3);
        assertThat(file.result().rejected())
                .extracting(RejectedAccount::consumerAccountNumber, RejectedAccount::reasons)
                .containsExactly(
                        tuple("ACC-CJK", List.of("surname is blank once mapped to the Metro 2 character set")),
                        tuple("ACC-13", List.of("account status 13 needs a payment rating")),
                        tuple("ACC-71", List.of("account status 71 takes no payment rating",
                                "account status 71 needs a date of first delinquency")),
                        tuple("ACC-97", List.of("account status 97 needs the original charge-off amount")),
                        tuple("ACC-BIG", List.of("currentBalance exceeds the 9-digit amount field")),
                        tuple("ACC-ST", List.of("state is not a valid Metro 2 code")),
                        tuple("账户-1", List.of(
                                "consumerAccountNumber has characters outside the Metro 2 character set")),
                        tuple("ACC-ID", List.of("needs a Social Security Number or a date of birth")));
    }

    @Test
    void account_types_and_special_comments_outside_the_metro2_code_lists_are_refused_not_guessed() {
        List<Metro2Account> accounts = List.of(
                SamplePortfolio.currentLoan("ACC-TYPE").accountType("ZZ").build(),
                SamplePortfolio.currentLoan("ACC-COMMENT").specialComment("QQ").build(),
                SamplePortfolio.currentLoan("ACC-LOWER").accountType("0a").specialComment("au").build());

        Metro2WriteResult result = writer.render(SamplePortfolio.reporter(), accounts).result();

        assertThat(result.rejected()).extracting(RejectedAccount::consumerAccountNumber, RejectedAccount::reasons)
                .containsExactly(
                        tuple("ACC-TYPE", List.of("accountType is not a valid Metro 2 code")),
                        tuple("ACC-COMMENT", List.of("specialComment is not a valid Metro 2 code")));
        assertThat(result.baseRecordsWritten()).isEqualTo(1);
    }

    @Test
    void unusable_ssn_and_telephone_are_zero_filled_and_flagged_while_a_leading_country_code_is_dropped() {
        Metro2Account badNumbers = SamplePortfolio.currentLoan("ACC-PII-1")
                .socialSecurityNumber("12-345").telephone("+86 138 0013 8000").build();
        Metro2Account northAmerican = SamplePortfolio.currentLoan("ACC-PII-2").telephone("+1 (212) 555-0100").build();

        Metro2File file = writer.render(SamplePortfolio.reporter(), List.of(badNumbers, northAmerican));

        List<String> records = records(file.content());
        assertThat(records.get(1).substring(297, 306)).isEqualTo("000000000");
        assertThat(records.get(1).substring(314, 324)).isEqualTo("0000000000");
        assertThat(records.get(2).substring(314, 324)).isEqualTo("2125550100");
        assertThat(file.result().adjustments()).extracting(FieldAdjustment::field, FieldAdjustment::kind)
                .containsExactly(tuple("socialSecurityNumber", FieldAdjustment.Kind.OMITTED),
                        tuple("telephone", FieldAdjustment.Kind.OMITTED));
        assertThat(file.result().totals().socialSecurityNumbers()).isEqualTo(1);
        assertThat(file.result().totals().telephoneNumbers()).isEqualTo(1);
    }

    @Test
    void the_trailer_counts_and_totals_equal_what_the_accounts_imply() {
        List<Metro2Account> accounts = SamplePortfolio.variedAccounts();

        List<String> records = records(writer.render(SamplePortfolio.reporter(), accounts).content());
        String trailer = records.get(records.size() - 1);

        assertThat(count(trailer, 12)).isEqualTo(accounts.size());
        assertThat(count(trailer, 57)).isEqualTo(accounts.size() + 2);
        for (AccountStatus status : AccountStatus.values()) {
            long expected = accounts.stream().filter(a -> a.accountStatus() == status).count();
            assertThat(count(trailer, statusPosition(status))).as("status %s", status.code()).isEqualTo(expected);
        }
        long withSsn = accounts.stream().filter(a -> !a.socialSecurityNumber().isBlank()).count();
        long withDateOfBirth = accounts.stream().filter(a -> a.dateOfBirth() != null).count();
        long withTelephone = accounts.stream().filter(a -> !a.telephone().isBlank()).count();
        long ecoaZ = accounts.stream().filter(a -> a.ecoaCode() == EcoaCode.DELETE_CONSUMER).count();
        assertThat(count(trailer, 327)).as("SSNs, all segments").isEqualTo(withSsn);
        assertThat(count(trailer, 336)).as("SSNs, base segments").isEqualTo(withSsn);
        assertThat(count(trailer, 363)).as("dates of birth, all segments").isEqualTo(withDateOfBirth);
        assertThat(count(trailer, 372)).as("dates of birth, base segments").isEqualTo(withDateOfBirth);
        assertThat(count(trailer, 399)).as("telephone numbers").isEqualTo(withTelephone);
        assertThat(count(trailer, 264)).as("ECOA code Z").isEqualTo(ecoaZ);
        assertThat(withSsn).isLessThan(accounts.size());
        assertThat(withDateOfBirth).isLessThan(accounts.size());
        assertThat(withTelephone).isLessThan(accounts.size());
    }

    @Test
    void writing_to_a_writer_gives_the_same_text_as_rendering_to_bytes() throws Exception {
        StringWriter out = new StringWriter();

        Metro2WriteResult result = writer.write(SamplePortfolio.reporter(), SamplePortfolio.variedAccounts(), out);

        byte[] rendered = writer.render(SamplePortfolio.reporter(), SamplePortfolio.variedAccounts()).content();
        assertThat(out.toString()).isEqualTo(new String(rendered, StandardCharsets.US_ASCII));
        assertThat(result.submittable()).isTrue();
    }

    private static int statusPosition(AccountStatus status) {
        return switch (status) {
            case CURRENT -> 84;
            case PAID_OR_CLOSED -> 93;
            case PAID_AFTER_CHARGE_OFF -> 129;
            case PAST_DUE_30_59 -> 147;
            case PAST_DUE_60_89 -> 156;
            case PAST_DUE_90_119 -> 165;
            case PAST_DUE_120_149 -> 174;
            case PAST_DUE_150_179 -> 183;
            case PAST_DUE_180_PLUS -> 192;
            case CHARGED_OFF -> 255;
        };
    }

    private static long count(String trailer, int start) {
        return Long.parseLong(trailer.substring(start - 1, start - 1 + 9));
    }

    private static List<String> records(byte[] content) {
        return List.of(new String(content, StandardCharsets.US_ASCII).split("\n"));
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
