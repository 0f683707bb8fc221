package com.overdue.collections.core.metro2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One account as it goes into a Metro 2 base segment: independent of the loan domain, already put in Metro 2 terms
 * by the caller ({@link AccountStatusPolicy} gives status, rating and the month's history code).
 *
 * <p>Amounts are in the account's currency units at any scale; the writer reports whole units (see
 * {@link Metro2FileWriter}). A null amount means zero, null optional text means blank, a null optional date is
 * zero-filled. Text is free-form: the writer upper-cases it and maps it onto the Metro 2 character set.
 */
public record Metro2Account(
        String consumerAccountNumber,
        PortfolioType portfolioType,
        String accountType,
        LocalDate dateOpened,
        BigDecimal creditLimit,
        BigDecimal highestCredit,
        String termsDuration,
        TermsFrequency termsFrequency,
        BigDecimal scheduledMonthlyPayment,
        BigDecimal actualPaymentAmount,
        AccountStatus accountStatus,
        PaymentRating paymentRating,
        PaymentHistoryProfile paymentHistoryProfile,
        String specialComment,
        ComplianceConditionCode complianceConditionCode,
        BigDecimal currentBalance,
        BigDecimal amountPastDue,
        BigDecimal originalChargeOffAmount,
        LocalDate dateAccountInformation,
        LocalDate dateFirstDelinquency,
        LocalDate dateClosed,
        LocalDate dateLastPayment,
        EcoaCode ecoaCode,
        String surname,
        String firstName,
        String middleName,
        String generationCode,
        String socialSecurityNumber,
        LocalDate dateOfBirth,
        String telephone,
        String addressLine1,
        String addressLine2,
        String city,
        String state,
        String postalCode,
        String countryCode,
        String addressIndicator,
        String residenceCode) {

    public Metro2Account {
        Objects.requireNonNull(consumerAccountNumber, "consumerAccountNumber");
        Objects.requireNonNull(portfolioType, "portfolioType");
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(dateOpened, "dateOpened");
        creditLimit = creditLimit == null ? BigDecimal.ZERO : creditLimit;
        highestCredit = highestCredit == null ? BigDecimal.ZERO : highestCredit;
        Objects.requireNonNull(termsDuration, "termsDuration");
        scheduledMonthlyPayment = scheduledMonthlyPayment == null ? BigDecimal.ZERO : scheduledMonthlyPayment;
        actualPaymentAmount = actualPaymentAmount == null ? BigDecimal.ZERO : actualPaymentAmount;
        Objects.requireNonNull(accountStatus, "accountStatus");
        Objects.requireNonNull(paymentHistoryProfile, "paymentHistoryProfile");
        specialComment = specialComment == null ? "" : specialComment;
        complianceConditionCode = complianceConditionCode == null
                ? ComplianceConditionCode.NONE
                : complianceConditionCode;
        currentBalance = currentBalance == null ? BigDecimal.ZERO : currentBalance;
        amountPastDue = amountPastDue == null ? BigDecimal.ZERO : amountPastDue;
        originalChargeOffAmount = originalChargeOffAmount == null ? BigDecimal.ZERO : originalChargeOffAmount;
        Objects.requireNonNull(dateAccountInformation, "dateAccountInformation");
        Objects.requireNonNull(ecoaCode, "ecoaCode");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(firstName, "firstName");
        middleName = middleName == null ? "" : middleName;
        generationCode = generationCode == null ? "" : generationCode;
        socialSecurityNumber = socialSecurityNumber == null ? "" : socialSecurityNumber;
        telephone = telephone == null ? "" : telephone;
        Objects.requireNonNull(addressLine1, "addressLine1");
        addressLine2 = addressLine2 == null ? "" : addressLine2;
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(postalCode, "postalCode");
        countryCode = countryCode == null ? "" : countryCode;
        addressIndicator = addressIndicator == null ? "" : addressIndicator;
        residenceCode = residenceCode == null ? "" : residenceCode;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .consumerAccountNumber(consumerAccountNumber)
                .portfolioType(portfolioType)
                .accountType(accountType)
                .dateOpened(dateOpened)
                .creditLimit(creditLimit)
                .highestCredit(highestCredit)
                .termsDuration(termsDuration)
                .termsFrequency(termsFrequency)
                .scheduledMonthlyPayment(scheduledMonthlyPayment)
                .actualPaymentAmount(actualPaymentAmount)
                .accountStatus(accountStatus)
                .paymentRating(paymentRating)
                .paymentHistoryProfile(paymentHistoryProfile)
                .specialComment(specialComment)
                .complianceConditionCode(complianceConditionCode)
                .currentBalance(currentBalance)
                .amountPastDue(amountPastDue)
                .originalChargeOffAmount(originalChargeOffAmount)
                .dateAccountInformation(dateAccountInformation)
                .dateFirstDelinquency(dateFirstDelinquency)
                .dateClosed(dateClosed)
                .dateLastPayment(dateLastPayment)
                .ecoaCode(ecoaCode)
                .surname(surname)
                .firstName(firstName)
                .middleName(middleName)
                .generationCode(generationCode)
                .socialSecurityNumber(socialSecurityNumber)
                .dateOfBirth(dateOfBirth)
                .telephone(telephone)
                .addressLine1(addressLine1)
                .addressLine2(addressLine2)
                .city(city)
                .state(state)
                .postalCode(postalCode)
                .countryCode(countryCode)
                .addressIndicator(addressIndicator)
                .residenceCode(residenceCode);
    }

    /** Fluent construction: the record has too many components to build positionally without mistakes. */
    public static final class Builder {
        private String consumerAccountNumber;
        private PortfolioType portfolioType;
        private String accountType;
        private LocalDate dateOpened;
        private BigDecimal creditLimit;
        private BigDecimal highestCredit;
        private String termsDuration;
        private TermsFrequency termsFrequency;
        private BigDecimal scheduledMonthlyPayment;
        private BigDecimal actualPaymentAmount;
        private AccountStatus accountStatus;
        private PaymentRating paymentRating;
        private PaymentHistoryProfile paymentHistoryProfile = PaymentHistoryProfile.noHistory();
        private String specialComment;
        private ComplianceConditionCode complianceConditionCode = ComplianceConditionCode.NONE;
        private BigDecimal currentBalance;
        private BigDecimal amountPastDue;
        private BigDecimal originalChargeOffAmount;
        private LocalDate dateAccountInformation;
        private LocalDate dateFirstDelinquency;
        private LocalDate dateClosed;
        private LocalDate dateLastPayment;
        private EcoaCode ecoaCode;
        private String surname;
        private String firstName;
        private String middleName;
        private String generationCode;
        private String socialSecurityNumber;
        private LocalDate dateOfBirth;
        private String telephone;
        private String addressLine1;
        private String addressLine2;
        private String city;
        private String state;
        private String postalCode;
        private String countryCode = "US";
        private String addressIndicator;
        private String residenceCode;

        private Builder() {
        }

        /** Account number as the furnisher knows it; never reused for another account. */
        public Builder consumerAccountNumber(String consumerAccountNumber) {
            this.consumerAccountNumber = consumerAccountNumber;
            return this;
        }

        public Builder portfolioType(PortfolioType portfolioType) {
            this.portfolioType = portfolioType;
            return this;
        }

        /** Two-character Metro 2 Account Type code, e.g. "01" unsecured loan. */
        public Builder accountType(String accountType) {
            this.accountType = accountType;
            return this;
        }

        public Builder dateOpened(LocalDate dateOpened) {
            this.dateOpened = dateOpened;
            return this;
        }

        public Builder creditLimit(BigDecimal creditLimit) {
            this.creditLimit = creditLimit;
            return this;
        }

        /** For installment loans the original loan amount. */
        public Builder highestCredit(BigDecimal highestCredit) {
            this.highestCredit = highestCredit;
            return this;
        }

        /** Number of installments ("36" is written "036"), or LOC, REV, 001. */
        public Builder termsDuration(String termsDuration) {
            this.termsDuration = termsDuration;
            return this;
        }

        public Builder termsFrequency(TermsFrequency termsFrequency) {
            this.termsFrequency = termsFrequency;
            return this;
        }

        public Builder scheduledMonthlyPayment(BigDecimal scheduledMonthlyPayment) {
            this.scheduledMonthlyPayment = scheduledMonthlyPayment;
            return this;
        }

        public Builder actualPaymentAmount(BigDecimal actualPaymentAmount) {
            this.actualPaymentAmount = actualPaymentAmount;
            return this;
        }

        public Builder accountStatus(AccountStatus accountStatus) {
            this.accountStatus = accountStatus;
            return this;
        }

        /** Only with status 13; null otherwise. */
        public Builder paymentRating(PaymentRating paymentRating) {
            this.paymentRating = paymentRating;
            return this;
        }

        public Builder paymentHistoryProfile(PaymentHistoryProfile paymentHistoryProfile) {
            this.paymentHistoryProfile = paymentHistoryProfile;
            return this;
        }

        public Builder specialComment(String specialComment) {
            this.specialComment = specialComment;
            return this;
        }

        public Builder complianceConditionCode(ComplianceConditionCode complianceConditionCode) {
            this.complianceConditionCode = complianceConditionCode;
            return this;
        }

        public Builder currentBalance(BigDecimal currentBalance) {
            this.currentBalance = currentBalance;
            return this;
        }

        public Builder amountPastDue(BigDecimal amountPastDue) {
            this.amountPastDue = amountPastDue;
            return this;
        }

        public Builder originalChargeOffAmount(BigDecimal originalChargeOffAmount) {
            this.originalChargeOffAmount = originalChargeOffAmount;
            return this;
        }

        public Builder dateAccountInformation(LocalDate dateAccountInformation) {
            this.dateAccountInformation = dateAccountInformation;
            return this;
        }

        public Builder dateFirstDelinquency(LocalDate dateFirstDelinquency) {
            this.dateFirstDelinquency = dateFirstDelinquency;
            return this;
        }

        public Builder dateClosed(LocalDate dateClosed) {
            this.dateClosed = dateClosed;
            return this;
        }

        public Builder dateLastPayment(LocalDate dateLastPayment) {
            this.dateLastPayment = dateLastPayment;
            return this;
        }

        public Builder ecoaCode(EcoaCode ecoaCode) {
            this.ecoaCode = ecoaCode;
            return this;
        }

        public Builder surname(String surname) {
            this.surname = surname;
            return this;
        }

        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        public Builder middleName(String middleName) {
            this.middleName = middleName;
            return this;
        }

        public Builder generationCode(String generationCode) {
            this.generationCode = generationCode;
            return this;
        }

        /** Nine digits; dashes and blanks are ignored. */
        public Builder socialSecurityNumber(String socialSecurityNumber) {
            this.socialSecurityNumber = socialSecurityNumber;
            return this;
        }

        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            return this;
        }

        /** Ten digits (US); other characters are ignored, a leading country code 1 is dropped. */
        public Builder telephone(String telephone) {
            this.telephone = telephone;
            return this;
        }

        public Builder addressLine1(String addressLine1) {
            this.addressLine1 = addressLine1;
            return this;
        }

        public Builder addressLine2(String addressLine2) {
            this.addressLine2 = addressLine2;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        public Builder addressIndicator(String addressIndicator) {
            this.addressIndicator = addressIndicator;
            return this;
        }

        public Builder residenceCode(String residenceCode) {
            this.residenceCode = residenceCode;
            return this;
        }

        public Metro2Account build() {
            return new Metro2Account(
                    consumerAccountNumber,
                    portfolioType,
                    accountType,
                    dateOpened,
                    creditLimit,
                    highestCredit,
                    termsDuration,
                    termsFrequency,
                    scheduledMonthlyPayment,
                    actualPaymentAmount,
                    accountStatus,
                    paymentRating,
                    paymentHistoryProfile,
                    specialComment,
                    complianceConditionCode,
                    currentBalance,
                    amountPastDue,
                    originalChargeOffAmount,
                    dateAccountInformation,
                    dateFirstDelinquency,
                    dateClosed,
                    dateLastPayment,
                    ecoaCode,
                    surname,
                    firstName,
                    middleName,
                    generationCode,
                    socialSecurityNumber,
                    dateOfBirth,
                    telephone,
                    addressLine1,
                    addressLine2,
                    city,
                    state,
                    postalCode,
                    countryCode,
                    addressIndicator,
                    residenceCode);
        }
    }
}
