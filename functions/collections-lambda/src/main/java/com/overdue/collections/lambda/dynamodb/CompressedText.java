package com.overdue.collections.lambda.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A text attribute stored gzip-compressed as binary ({@code B}). The loan snapshot is JSON of about 4 KB for a
 * 12-installment loan and compresses to about 600 bytes: the META item then costs 1 write unit instead of 5 (and its
 * index entry likewise), and a consistent read 1 unit instead of 2. An item written before the attribute was
 * compressed ({@code S}) is still read.
 */
final class CompressedText implements AttributeConverter<String> {

    @Override
    public AttributeValue transformFrom(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 4 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes.toByteArray()));
    }

    @Override
    public String transformTo(AttributeValue value) {
        if (value.b() == null) {
            return value.s();
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(value.b().asByteArrayUnsafe()))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a compressed attribute is not gzip", e);
        }
    }

    @Override
    public EnhancedType<String> type() {
        return EnhancedType.of(String.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.B;
    }
}
