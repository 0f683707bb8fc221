package com.overdue.collections.core.port;

import com.overdue.collections.core.bureau.Metro2Manifest;

import java.time.LocalDate;

/**
 * Keeps the credit-bureau files and their manifests (S3 {@code metro2/<yyyy>/<mm>/} in AWS, {@code credit/} locally).
 * Writing the same name for the same cycle again replaces the content (S3 versioning keeps the earlier one).
 */
public interface ReportStore {

    /** Stores {@code content} as {@code fileName} of the cycle ending on {@code cycleDate}; returns where it went. */
    String put(LocalDate cycleDate, String fileName, byte[] content, String contentType);

    /**
     * Stores the manifest of the cycle's file as {@code fileName}, in the store's own format (JSON in both adapters);
     * returns where it went.
     */
    String putManifest(LocalDate cycleDate, String fileName, Metro2Manifest manifest);
}
