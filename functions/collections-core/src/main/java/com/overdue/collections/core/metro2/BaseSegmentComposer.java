package com.overdue.collections.core.metro2;

import static com.overdue.collections.core.metro2.BaseSegmentField.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns one {@link Metro2Account} into a 426-character base segment, or refuses it with every reason the segment
 * would not be valid Metro 2. Values that need changing to fit are changed and flagged ({@link FieldAdjustment}).
 */
final class BaseSegmentComposer {

    /** What composing one account produced. */
    sealed interface Outcome permits Composed, Refused {
        List<FieldAdjustment> adjustments();
    }

    /** A base segment ready to write, with the values the trailer counts. */
    record Composed(String record, List<FieldAdjustment> adjustments, String accountStatusCode, char ecoaCode,
                    long socialSecurityNumber, boolean hasDateOfBirth, long telephoneNumber) implements Outcome {
    }

    /** The account cannot be written. */
    record Refused(RejectedAccount rejected, List<FieldAdjustment> adjustments) implements Outcome {
    }

    /**
     * Time Stamp (positions 6–19) is the moment the account information is as of: the end of the Date of Account
     * Information. The seconds must not start with '0': moov-io/metro2 reads a '0' at position 18 as the mark of a
     * variable-length record and then misreads every field, so 23:59:59 also keeps the file readable there.
     */
    private static final LocalTime AS_OF_TIME = LocalTime.of(23, 59, 59);

    /** Nine digits is the widest Metro 2 amount field. */
    private static final BigInteger MAX_AMOUNT = BigInteger.valueOf(999_999_999L);

    private static final String PROCESSING_INDICATOR_VALUE = "1";
    private static final Predicate<String> GENERATION_CODE_FORMAT = Pattern.compile("[JS2-9]?").asMatchPredicate();
    private static final Predicate<String> STATE_CODE_FORMAT = Pattern.compile("[A-Z]{2}").asMatchPredicate();
    private static final Predicate<String> COUNTRY_CODE_FORMAT = Pattern.compile("([A-Z]{2})?").asMatchPredicate();
    private static final Predicate<String> ONE_LETTER_FORMAT = Pattern.compile("[A-Z]?").asMatchPredicate();
    private static final Pattern POSTAL_CODE_FORMAT = Pattern.compile("[0-9A-Z]{1,9}");
    private static final Pattern TERMS_DURATION_CODE_FORMAT = Pattern.compile("LOC|REV");
    private static final Pattern NUMBER_OF_INSTALLMENTS_FORMAT = Pattern.compile("[0-9]{1,3}");

    private final Metro2Reporter reporter;

    BaseSegmentComposer(Metro2Reporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    Outcome compose(Metro2Account account) {
        Draft draft = new Draft(account.consumerAccountNumber());

        String accountNumber = draft.identifier("consumerAccountNumber", account.consumerAccountNumber(),
                CONSUMER_ACCOUNT_NUMBER);
        String accountType = draft.code("accountType", account.accountType(), Metro2Codes::isAccountType);
        String termsDuration = draft.termsDuration(account.termsDuration());
        long creditLimit = draft.amount("creditLimit", account.creditLimit());
        long highestCredit = draft.amount("highestCredit", account.highestCredit());
        long scheduledPayment = draft.amount("scheduledMonthlyPayment", account.scheduledMonthlyPayment());
        long actualPayment = draft.amount("actualPaymentAmount", account.actualPaymentAmount());
        long currentBalance = draft.amount("currentBalance", account.currentBalance());
        long amountPastDue = draft.amount("amountPastDue", account.amountPastDue());
        long originalChargeOff = draft.amount("originalChargeOffAmount", account.originalChargeOffAmount());
        String specialComment = draft.code("specialComment", account.specialComment(),
                Metro2Codes::isSpecialComment);
        String surname = draft.text("surname", account.surname(), SURNAME, true);
        String firstName = draft.text("firstName", account.firstName(), FIRST_NAME, true);
        String middleName = draft.text("middleName", account.middleName(), MIDDLE_NAME, false);
        String generationCode = draft.code("generationCode", account.generationCode(), GENERATION_CODE_FORMAT);
        String socialSecurityNumber = draft.socialSecurityNumber(account.socialSecurityNumber());
        String telephone = draft.telephone(account.telephone());
        String addressLine1 = draft.text("addressLine1", account.addressLine1(), FIRST_LINE_OF_ADDRESS, true);
        String addressLine2 = draft.text("addressLine2", account.addressLine2(), SECOND_LINE_OF_ADDRESS, false);
        String city = draft.text("city", account.city(), CITY, true);
        String state = draft.code("state", account.state(), STATE_CODE_FORMAT);
        String postalCode = draft.postalCode(account.postalCode());
        String countryCode = draft.code("countryCode", account.countryCode(), COUNTRY_CODE_FORMAT);
        String addressIndicator = draft.code("addressIndicator", account.addressIndicator(), ONE_LETTER_FORMAT);
        String residenceCode = draft.code("residenceCode", account.residenceCode(), ONE_LETTER_FORMAT);
        draft.checkConsistency(account, originalChargeOff, socialSecurityNumber);

        if (!draft.problems.isEmpty()) {
            return new Refused(new RejectedAccount(account.consumerAccountNumber(), draft.problems),
                    List.copyOf(draft.adjustments));
        }

        AccountStatus status = account.accountStatus();
        String record = new FixedWidthRecord()
                .digits(RECORD_DESCRIPTOR_WORD, Integer.toString(FixedWidthRecord.LENGTH))
                .digits(PROCESSING_INDICATOR, PROCESSING_INDICATOR_VALUE)
                .timeStamp(TIME_STAMP, account.dateAccountInformation().atTime(AS_OF_TIME))
                .digits(RESERVED_1, "0")
                .alphanumeric(IDENTIFICATION_NUMBER, reporter.identificationNumber())
                .alphanumeric(CYCLE_IDENTIFIER, reporter.cycleIdentifier())
                .alphanumeric(CONSUMER_ACCOUNT_NUMBER, accountNumber)
                .alphanumeric(PORTFOLIO_TYPE, String.valueOf(account.portfolioType().code()))
                .alphanumeric(ACCOUNT_TYPE, accountType)
                .date(DATE_OPENED, account.dateOpened())
                .numeric(CREDIT_LIMIT, creditLimit)
                .numeric(HIGHEST_CREDIT, highestCredit)
                .alphanumeric(TERMS_DURATION, termsDuration)
                .alphanumeric(TERMS_FREQUENCY, account.termsFrequency() == null
                        ? "" : String.valueOf(account.termsFrequency().code()))
                .numeric(SCHEDULED_MONTHLY_PAYMENT_AMOUNT, scheduledPayment)
                .numeric(ACTUAL_PAYMENT_AMOUNT, actualPayment)
                .alphanumeric(ACCOUNT_STATUS, status.code())
                .alphanumeric(PAYMENT_RATING, account.paymentRating() == null
                        ? "" : String.valueOf(account.paymentRating().code()))
                .alphanumeric(PAYMENT_HISTORY_PROFILE, account.paymentHistoryProfile().value())
                .alphanumeric(SPECIAL_COMMENT, specialComment)
                .alphanumeric(COMPLIANCE_CONDITION_CODE, account.complianceConditionCode().code())
                .numeric(CURRENT_BALANCE, currentBalance)
                .numeric(AMOUNT_PAST_DUE, amountPastDue)
                .numeric(ORIGINAL_CHARGE_OFF_AMOUNT, originalChargeOff)
                .date(DATE_ACCOUNT_INFORMATION, account.dateAccountInformation())
                .date(DATE_FIRST_DELINQUENCY, account.dateFirstDelinquency())
                .date(DATE_CLOSED, account.dateClosed())
                .date(DATE_LAST_PAYMENT, account.dateLastPayment())
                .alphanumeric(SURNAME, surname)
                .alphanumeric(FIRST_NAME, firstName)
                .alphanumeric(MIDDLE_NAME, middleName)
                .alphanumeric(GENERATION_CODE, generationCode)
                .digits(SOCIAL_SECURITY_NUMBER, socialSecurityNumber)
                .date(DATE_OF_BIRTH, account.dateOfBirth())
                .digits(TELEPHONE_NUMBER, telephone)
                .alphanumeric(ECOA_CODE, String.valueOf(account.ecoaCode().code()))
                .alphanumeric(COUNTRY_CODE, countryCode)
                .alphanumeric(FIRST_LINE_OF_ADDRESS, addressLine1)
                .alphanumeric(SECOND_LINE_OF_ADDRESS, addressLine2)
                .alphanumeric(CITY, city)
                .alphanumeric(STATE, state)
                .alphanumeric(POSTAL_ZIP_CODE, postalCode)
                .alphanumeric(ADDRESS_INDICATOR, addressIndicator)
                .alphanumeric(RESIDENCE_CODE, residenceCode)
                .text();
        return new Composed(record, List.copyOf(draft.adjustments), status.code(), account.ecoaCode().code(),
                socialSecurityNumber.isEmpty() ? 0 : Long.parseLong(socialSecurityNumber),
                account.dateOfBirth() != null,
                telephone.isEmpty() ? 0 : Long.parseLong(telephone));
    }

    /** Collects the fitted values' adjustments and the problems that keep the account out of the file. */
    private static final class Draft {
        private final String accountNumber;
        private final List<FieldAdjustment> adjustments = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Draft(String accountNumber) {
            this.accountNumber = accountNumber;
        }

        /** Free text (names, address lines): transliterated, blanked and truncated as needed, each flagged. */
        String text(String name, String value, Metro2Field field, boolean required) {
            Metro2CharacterSet.Cleaned cleaned = Metro2CharacterSet.clean(value);
            flagCharacters(name, cleaned);
            String text = cleaned.text();
            if (text.length() > field.length()) {
                adjust(name, FieldAdjustment.Kind.TRUNCATED,
                        "cut from " + text.length() + " to " + field.length() + " characters");
                text = text.substring(0, field.length()).stripTrailing();
            }
            if (required && text.isEmpty()) {
                problems.add(name + " is blank once mapped to the Metro 2 character set");
            }
            return text;
        }

        /** The account number must reach the bureau unchanged, or it would not match the account they hold. */
        String identifier(String name, String value, Metro2Field field) {
            Metro2CharacterSet.Cleaned cleaned = Metro2CharacterSet.clean(value);
            boolean unchanged = cleaned.transliterated() == 0 && cleaned.blanked() == 0
                    && cleaned.text().equals(value.strip().toUpperCase(Locale.ROOT));
            if (!unchanged) {
                problems.add(name + " has characters outside the Metro 2 character set");
            } else if (cleaned.text().isEmpty()) {
                problems.add(name + " is blank");
            } else if (cleaned.text().length() > field.length()) {
                problems.add(name + " is longer than " + field.length() + " characters");
            }
            return cleaned.text();
        }

        /** Codes are written as given (upper-cased) or not at all: a guessed code would misreport. */
        String code(String name, String value, Predicate<String> valid) {
            String code = Metro2CharacterSet.clean(value).text();
            if (!valid.test(code)) {
                problems.add(name + " is not a valid Metro 2 code");
            }
            return code;
        }

        String termsDuration(String value) {
            String terms = Metro2CharacterSet.clean(value).text();
            if (TERMS_DURATION_CODE_FORMAT.matcher(terms).matches()) {
                return terms;
            }
            if (NUMBER_OF_INSTALLMENTS_FORMAT.matcher(terms).matches()) {
                return "0".repeat(TERMS_DURATION.length() - terms.length()) + terms;
            }
            problems.add("termsDuration must be LOC, REV or a number of installments up to 999");
            return terms;
        }

        /**
         * Metro 2 amounts are whole dollars (whole currency units), no cents. Cents are dropped (rounded DOWN):
         * the Credit Reporting Resource Guide asks for whole dollars and neither it, as far as we could read, nor
         * moov-io/metro2 (integer fields) prescribes a rounding; truncation never reports a consumer owing more
         * than they do, and $0.40 past due stays $0 rather than becoming a reportable $1. A negative amount (a
         * credit balance) is reported as zero, as the format has no sign.
         */
        long amount(String name, BigDecimal value) {
            BigInteger whole = value.toBigInteger();
            if (whole.signum() < 0 || (whole.signum() == 0 && value.signum() < 0)) {
                adjust(name, FieldAdjustment.Kind.OMITTED, "negative amount (credit balance) reported as zero");
                return 0;
            }
            if (whole.compareTo(MAX_AMOUNT) > 0) {
                problems.add(name + " exceeds the 9-digit amount field");
                return 0;
            }
            return whole.longValueExact();
        }

        String socialSecurityNumber(String value) {
            return digitsOrNothing("socialSecurityNumber", value.replaceAll("[\\s-]", ""),
                    SOCIAL_SECURITY_NUMBER.length());
        }

        String telephone(String value) {
            String digits = value.replaceAll("[\\s()+.-]", "");
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1); // North American country code
            }
            return digitsOrNothing("telephone", digits, TELEPHONE_NUMBER.length());
        }

        /** Exactly {@code count} digits, or nothing (zero-filled) and a flag: a partial number would misidentify. */
        private String digitsOrNothing(String name, String digits, int count) {
            if (digits.isEmpty()) {
                return "";
            }
            if (digits.length() != count || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                adjust(name, FieldAdjustment.Kind.OMITTED, "not " + count + " digits; zero-filled");
                return "";
            }
            return digits;
        }

        String postalCode(String value) {
            String code = Metro2CharacterSet.clean(value).text().replaceAll("[\\s-]", "");
            if (!POSTAL_CODE_FORMAT.matcher(code).matches()) {
                problems.add("postalCode must be up to 9 letters or digits (ZIP or ZIP+4)");
            }
            return code;
        }

        void checkConsistency(Metro2Account account, long originalChargeOff, String socialSecurityNumber) {
            AccountStatus status = account.accountStatus();
            if (status.requiresPaymentRating() && account.paymentRating() == null) {
                problems.add("account status " + status.code() + " needs a payment rating");
            }
            if (!status.requiresPaymentRating() && account.paymentRating() != null) {
                problems.add("account status " + status.code() + " takes no payment rating");
            }
            boolean delinquentBeforeClosing = status == AccountStatus.PAID_OR_CLOSED
                    && account.paymentRating() != null && account.paymentRating() != PaymentRating.CURRENT;
            if ((status.isDerogatory() || delinquentBeforeClosing) && account.dateFirstDelinquency() == null) {
                problems.add("account status " + status.code() + " needs a date of first delinquency");
            }
            if (status.isChargeOff() && originalChargeOff == 0) {
                problems.add("account status " + status.code() + " needs the original charge-off amount");
            }
            if (socialSecurityNumber.isEmpty() && account.dateOfBirth() == null
                    && !account.ecoaCode().mayOmitSocialSecurityNumberAndDateOfBirth()) {
                problems.add("needs a Social Security Number or a date of birth");
            }
        }

        private void flagCharacters(String name, Metro2CharacterSet.Cleaned cleaned) {
            if (cleaned.transliterated() > 0) {
                adjust(name, FieldAdjustment.Kind.TRANSLITERATED,
                        cleaned.transliterated() + " character(s) spelled in A-Z");
            }
            if (cleaned.blanked() > 0) {
                adjust(name, FieldAdjustment.Kind.BLANKED,
                        cleaned.blanked() + " character(s) outside the Metro 2 character set replaced by blanks");
            }
        }

        private void adjust(String name, FieldAdjustment.Kind kind, String detail) {
            adjustments.add(new FieldAdjustment(accountNumber, name, kind, detail));
        }
    }
}
