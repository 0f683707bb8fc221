package com.overdue.collections.core.metro2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A furnisher and a month-end portfolio covering every status this engine reports, for the Metro 2 tests. */
final class SamplePortfolio {

    static final LocalDate CYCLE_END = LocalDate.of(2024, 11, 30);

    private static final AccountStatusPolicy POLICY = new AccountStatusPolicy();

    private SamplePortfolio() {
    }

    static Metro2Reporter reporter() {
        return new Metro2Reporter("FURNISHER0001", null, "EQFX000123", "EXP01", "TU00012345",
                CYCLE_END, CYCLE_END.plusDays(1), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 6, 30),
                "Overdue Lending Co", "100 Main Street, Suite 5, New York, NY 10001", "(212) 555-0199",
                "Collections Engine", "1.0");
    }

    /** An open installment loan, 36 monthly payments of 150, current, with every consumer field filled. */
    static Metro2Account.Builder currentLoan(String accountNumber) {
        return Metro2Account.builder()
                .consumerAccountNumber(accountNumber)
                .portfolioType(PortfolioType.INSTALLMENT)
                .accountType("01")
                .dateOpened(LocalDate.of(2023, 1, 15))
                .highestCredit(new BigDecimal("5000.00"))
                .termsDuration("36")
                .termsFrequency(TermsFrequency.MONTHLY)
                .scheduledMonthlyPayment(new BigDecimal("150.00"))
                .actualPaymentAmount(new BigDecimal("150.00"))
                .accountStatus(AccountStatus.CURRENT)
                .paymentHistoryProfile(PaymentHistoryProfile.noHistory()
                        .shiftAll(Collections.nCopies(22, PaymentHistoryCode.CURRENT)))
                .currentBalance(new BigDecimal("3210.55"))
                .dateAccountInformation(CYCLE_END)
                .dateLastPayment(LocalDate.of(2024, 11, 15))
                .ecoaCode(EcoaCode.INDIVIDUAL)
                .surname("Doe")
                .firstName("John")
                .middleName("Quincy")
                .socialSecurityNumber("123-45-6789")
                .dateOfBirth(LocalDate.of(1980, 7, 4))
                .telephone("(212) 555-0100")
                .addressLine1("1 Elm Street")
                .addressLine2("Apt 2B")
                .city("Albany")
                .state("NY")
                .postalCode("12207-1234")
                .addressIndicator("Y")
                .residenceCode("R");
    }

    /**
     * The same loan {@code daysPastDue} days late at cycle end: status, history and past-due amount follow from
     * {@link AccountStatusPolicy}; the history shows the months it went through to get there.
     */
    static Metro2Account.Builder delinquentLoan(String accountNumber, int daysPastDue) {
        ReportedStatus reported = POLICY.classify(AccountStanding.open(daysPastDue, new BigDecimal("3210.55")));
        int missedMonths = daysPastDue / 30;
        List<PaymentHistoryCode> months = new ArrayList<>(Collections.nCopies(20, PaymentHistoryCode.CURRENT));
        for (int month = 0; month < missedMonths; month++) {
            months.add(POLICY.classify(AccountStanding.open(month * 30, BigDecimal.ONE)).historyCode());
        }
        return currentLoan(accountNumber)
                .accountStatus(reported.status())
                .paymentHistoryProfile(PaymentHistoryProfile.noHistory().shiftAll(months))
                .amountPastDue(new BigDecimal("150.00").multiply(BigDecimal.valueOf(Math.max(1, missedMonths))))
                .actualPaymentAmount(BigDecimal.ZERO)
                .dateFirstDelinquency(CYCLE_END.minusDays(daysPastDue))
                .dateLastPayment(CYCLE_END.minusDays(daysPastDue + 15L));
    }

    static Metro2Account.Builder chargedOffLoan(String accountNumber) {
        ReportedStatus reported = POLICY.classify(AccountStanding.chargedOff(200, new BigDecimal("3210.55")));
        return delinquentLoan(accountNumber, 200)
                .accountStatus(reported.status())
                .paymentHistoryProfile(
                        PaymentHistoryProfile.of("6543210000000000000BBBBB").shift(reported.historyCode()))
                .originalChargeOffAmount(new BigDecimal("3210.55"))
                .amountPastDue(new BigDecimal("3210.55"))
                .dateClosed(CYCLE_END.minusDays(10));
    }

    static Metro2Account.Builder paidLoan(String accountNumber) {
        ReportedStatus reported = POLICY.classify(AccountStanding.paid());
        return currentLoan(accountNumber)
                .accountStatus(reported.status())
                .paymentRating(reported.paymentRating().orElseThrow())
                .currentBalance(BigDecimal.ZERO)
                .actualPaymentAmount(new BigDecimal("3360.55"))
                .dateClosed(LocalDate.of(2024, 11, 20))
                .dateLastPayment(LocalDate.of(2024, 11, 20))
                .specialComment("AU");
    }

    static Metro2Account.Builder paidAfterChargeOff(String accountNumber) {
        ReportedStatus reported = POLICY.classify(AccountStanding.paidAfterChargeOff());
        return chargedOffLoan(accountNumber)
                .accountStatus(reported.status())
                .currentBalance(BigDecimal.ZERO)
                .amountPastDue(BigDecimal.ZERO)
                .actualPaymentAmount(new BigDecimal("3210.55"))
                .dateLastPayment(LocalDate.of(2024, 11, 25));
    }

    /** Every status of RULES §7, two disputes, a resolved dispute, accented and Chinese names, missing PII. */
    static List<Metro2Account> variedAccounts() {
        return List.of(
                currentLoan("ACC-0001").build(),
                delinquentLoan("ACC-0071", 35).build(),
                delinquentLoan("ACC-0078", 65).complianceConditionCode(ComplianceConditionCode.XB).build(),
                delinquentLoan("ACC-0080", 95).build(),
                delinquentLoan("ACC-0082", 125).complianceConditionCode(ComplianceConditionCode.XC).build(),
                delinquentLoan("ACC-0083", 155).build(),
                delinquentLoan("ACC-0084", 185).build(),
                chargedOffLoan("ACC-0097").build(),
                paidLoan("ACC-0013").build(),
                paidAfterChargeOff("ACC-0064").build(),
                currentLoan("ACC-0002").complianceConditionCode(ComplianceConditionCode.XH)
                        .surname("Müller-Lüdenscheidt").firstName("Zoë").middleName(null)
                        .telephone(null).build(),
                currentLoan("ACC-0003").surname("张 Zhang").firstName("伟 Wei").middleName("")
                        .socialSecurityNumber(null).generationCode("J").build(),
                currentLoan("ACC-0004").ecoaCode(EcoaCode.DELETE_CONSUMER).dateOfBirth(null).build());
    }
}
