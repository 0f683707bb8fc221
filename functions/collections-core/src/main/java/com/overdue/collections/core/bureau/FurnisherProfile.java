package com.overdue.collections.core.bureau;

import com.overdue.collections.core.metro2.Metro2Reporter;

import java.time.LocalDate;

/**
 * The data furnisher as the bureaus know it (identification number, program identifiers, name, address): the static
 * part of the Metro 2 header, from configuration. {@link #reporter} adds a cycle's dates.
 */
public record FurnisherProfile(String identificationNumber, String cycleIdentifier, String equifaxProgramIdentifier,
                               String experianProgramIdentifier, String transUnionProgramIdentifier,
                               LocalDate programDate, LocalDate programRevisionDate, String reporterName,
                               String reporterAddress, String reporterTelephone, String softwareVendorName,
                               String softwareVersionNumber) {

    public FurnisherProfile {
        // Checked once here, with the field's name, so a bad configuration fails at start-up and not on the 1st.
        new Metro2Reporter(identificationNumber, cycleIdentifier, equifaxProgramIdentifier,
                experianProgramIdentifier, transUnionProgramIdentifier, LocalDate.EPOCH, LocalDate.EPOCH, programDate,
                programRevisionDate, reporterName, reporterAddress, reporterTelephone, softwareVendorName,
                softwareVersionNumber);
    }

    public Metro2Reporter reporter(LocalDate activityDate, LocalDate dateCreated) {
        return new Metro2Reporter(identificationNumber, cycleIdentifier, equifaxProgramIdentifier,
                experianProgramIdentifier, transUnionProgramIdentifier, activityDate, dateCreated, programDate,
                programRevisionDate, reporterName, reporterAddress, reporterTelephone, softwareVendorName,
                softwareVersionNumber);
    }
}
