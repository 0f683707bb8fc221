package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.Metro2Account;
import com.overdue.collections.core.loan.Borrower;
import com.overdue.collections.core.loan.LoanTerms;

import java.util.Locale;

/**
 * Renders a cycle's {@link BureauRecord} as a Metro 2 account: the account fields from the record, the product's
 * portfolio and account type from configuration, and the consumer from the borrower profile (the only place PII is
 * read). The Metro 2 writer then fits or refuses each value.
 */
public final class Metro2AccountMapper {

    public Metro2Account toAccount(BureauRecord record, LoanTerms terms, ProductReporting product,
                                   Borrower borrower) {
        Borrower.PostalAddress address = borrower.address();
        boolean unitedStates = "US".equals(terms.jurisdiction());
        return Metro2Account.builder()
                .consumerAccountNumber(terms.loanId())
                .portfolioType(product.portfolioType())
                .accountType(product.accountType())
                .dateOpened(terms.disbursedOn())
                .highestCredit(terms.principal().amount())
                .termsDuration(Integer.toString(terms.schedule().size()))
                .termsFrequency(product.termsFrequency())
                .scheduledMonthlyPayment(record.scheduledPayment())
                .actualPaymentAmount(record.actualPayment())
                .accountStatus(record.accountStatus())
                .paymentRating(record.paymentRating())
                .paymentHistoryProfile(record.paymentHistoryProfile())
                .specialComment(record.specialComment())
                .complianceConditionCode(record.complianceCode())
                .currentBalance(record.currentBalance())
                .amountPastDue(record.amountPastDue())
                .originalChargeOffAmount(record.originalChargeOffAmount())
                .dateAccountInformation(record.cycleDate())
                .dateFirstDelinquency(record.dateFirstDelinquency())
                .dateClosed(record.dateClosed())
                .dateLastPayment(record.dateLastPayment())
                .ecoaCode(product.ecoaCode())
                .surname(nullToEmpty(borrower.lastName()))
                .firstName(nullToEmpty(borrower.firstName()))
                .middleName(borrower.middleName())
                // A national id is a Social Security Number only for US borrowers; a CN 身份证号 must not land there.
                .socialSecurityNumber(unitedStates ? borrower.nationalId() : null)
                .dateOfBirth(borrower.dateOfBirth())
                .telephone(unitedStates ? borrower.phone() : null)
                .addressLine1(address == null ? "" : nullToEmpty(address.line1()))
                .addressLine2(address == null ? null : address.line2())
                .city(address == null ? "" : nullToEmpty(address.city()))
                .state(address == null ? "" : nullToEmpty(address.state()).toUpperCase(Locale.ROOT))
                .postalCode(address == null ? "" : nullToEmpty(address.postalCode()))
                .countryCode(address == null || address.country() == null ? "US" : address.country())
                .residenceCode(null)
                .build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
