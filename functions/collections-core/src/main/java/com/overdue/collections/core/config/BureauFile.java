package com.overdue.collections.core.config;

import com.overdue.collections.core.bureau.BureauSettings;
import com.overdue.collections.core.bureau.FurnisherProfile;
import com.overdue.collections.core.bureau.NoticeRule;
import com.overdue.collections.core.bureau.ProductReporting;
import com.overdue.collections.core.bureau.ReportingCycle;
import com.overdue.collections.core.metro2.EcoaCode;
import com.overdue.collections.core.metro2.Metro2Codes;
import com.overdue.collections.core.metro2.PortfolioType;
import com.overdue.collections.core.metro2.TermsFrequency;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Loads {@code bureau/reporting.json}: the furnisher, the cycle, notice rules and how each product is reported. */
final class BureauFile {

    static final String PATH = "bureau/reporting.json";

    record ReportingFile(Furnisher furnisher, Cycle cycle, Map<String, NoticeRule> noticeBeforeNegativeReport,
                         Map<String, Product> products) {
    }

    record Furnisher(String identificationNumber, String cycleIdentifier, String equifaxProgramIdentifier,
                     String experianProgramIdentifier, String transUnionProgramIdentifier, String programDate,
                     String programRevisionDate, String reporterName, String reporterAddress,
                     String reporterTelephone, String softwareVendorName, String softwareVersionNumber) {
    }

    /** {@code day} is the text "LAST" or a whole number 1..28 (the schema admits nothing else). */
    record Cycle(Object day, String timeZone) {
    }

    record Product(String format, String portfolioType, String accountType, String termsFrequency, String ecoaCode) {
    }

    private BureauFile() {
    }

    static BureauSettings load(ConfigReader reader) {
        var file = reader.read(PATH, "bureau/reporting.schema.json", ReportingFile.class);
        ReportingFile f = file.value();
        Map<String, ProductReporting> products = new LinkedHashMap<>();
        f.products().forEach((code, p) -> products.put(code, product(file, code, p)));
        return new BureauSettings(furnisher(file), cycle(file), f.noticeBeforeNegativeReport(), products);
    }

    private static FurnisherProfile furnisher(ConfigReader.Parsed<ReportingFile> file) {
        Furnisher f = file.value().furnisher();
        try {
            return new FurnisherProfile(f.identificationNumber(), f.cycleIdentifier(), f.equifaxProgramIdentifier(),
                    f.experianProgramIdentifier(), f.transUnionProgramIdentifier(),
                    date(file, "furnisher.programDate", f.programDate()),
                    date(file, "furnisher.programRevisionDate", f.programRevisionDate()), f.reporterName(),
                    f.reporterAddress(), f.reporterTelephone(), f.softwareVendorName(), f.softwareVersionNumber());
        } catch (IllegalArgumentException e) {
            // Metro2Reporter names the field: "Metro2Reporter.reporterName is longer than its 40-character field".
            throw file.error("furnisher", e.getMessage());
        }
    }

    private static LocalDate date(ConfigReader.Parsed<?> file, String key, String text) {
        return text == null || text.isEmpty() ? null : file.date(key, text);
    }

    private static ReportingCycle cycle(ConfigReader.Parsed<ReportingFile> file) {
        Cycle c = file.value().cycle();
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            throw file.error("cycle.timeZone", "\"" + c.timeZone() + "\" is not an IANA time zone");
        }
        return c.day() instanceof Integer day ? new ReportingCycle(day, zone) : ReportingCycle.monthEnd(zone);
    }

    private static ProductReporting product(ConfigReader.Parsed<ReportingFile> file, String code, Product p) {
        if (p.format().equals("NOT_REPORTED")) {
            return ProductReporting.notReported(code);
        }
        String at = "products." + code;
        if (!Metro2Codes.isAccountType(p.accountType())) {
            throw file.error(at + ".accountType", "\"" + p.accountType()
                    + "\" is not a Metro 2 Account Type code of the Credit Reporting Resource Guide");
        }
        return new ProductReporting(code, true, code(file, at + ".portfolioType", p.portfolioType(),
                PortfolioType.values(), PortfolioType::code), p.accountType(),
                code(file, at + ".termsFrequency", p.termsFrequency(), TermsFrequency.values(), TermsFrequency::code),
                code(file, at + ".ecoaCode", p.ecoaCode(), EcoaCode.values(), EcoaCode::code));
    }

    /** The schema lists the codes too; this keeps a code added there but not to the enum from passing silently. */
    private static <E> E code(ConfigReader.Parsed<?> file, String key, String v, E[] values,
                              Function<E, Character> code) {
        for (E value : values) {
            if (v.length() == 1 && code.apply(value) == v.charAt(0)) {
                return value;
            }
        }
        throw file.error(key, "\"" + v + "\" is not a Metro 2 code for this field");
    }
}
