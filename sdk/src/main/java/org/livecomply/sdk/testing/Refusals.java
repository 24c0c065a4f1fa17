package org.livecomply.sdk.testing;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refusals in the services' shape (docs/api-errors.md): a canonical code, always an ErrorInfo (catalogued
 * reason, domain {@code <service>.livecomply}, metadata), a BadRequest with one violation per field for
 * INVALID_ARGUMENT and a PreconditionFailure citing the article for rule refusals.
 */
final class Refusals {

    static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
    static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";
    /** The status travels in trailers, which clients refuse beyond 8 KiB: the first violations that fit are sent. */
    private static final int DETAIL_BUDGET_BYTES = 3_072;
    private static final int MESSAGE_CHARS = 512;
    private static final int TEXT_CHARS = 256;
    private static final int MESSAGE_VIOLATIONS = 5;

    private Refusals() {
    }

    record FieldViolation(String field, String description) {
    }

    /** One broken rule: reason, article, the resource or field it concerns, and a sentence a person can act on. */
    record Rule(String reason, String article, String subject, String description) {
    }

    static String domain(String service) {
        return service + ".livecomply";
    }

    static StatusRuntimeException invalid(String domain, String reason, List<FieldViolation> violations) {
        Map<String, String> metadata = new LinkedHashMap<>();
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        int included = 0;
        for (FieldViolation violation : violations) {
            BadRequest.FieldViolation item = BadRequest.FieldViolation.newBuilder()
                    .setField(clip(violation.field(), TEXT_CHARS)).setDescription(clip(violation.description(), TEXT_CHARS)).build();
            if (badRequest.build().getSerializedSize() + item.getSerializedSize() > DETAIL_BUDGET_BYTES) {
                break;
            }
            badRequest.addFieldViolations(item);
            included++;
        }
        truncation(metadata, included, violations.size());
        return status(Code.INVALID_ARGUMENT, reason, describe(violations), domain, metadata, Any.pack(badRequest.build()));
    }

    static StatusRuntimeException invalid(String domain, String reason, String field, String description) {
        return invalid(domain, reason, List.of(new FieldViolation(field, description)));
    }

    static StatusRuntimeException notFound(String domain, String reason, String resourceName) {
        return status(Code.NOT_FOUND, reason, resourceName + " not found", domain, Map.of("resource_name", resourceName), null);
    }

    static StatusRuntimeException alreadyExists(String domain, String reason, String message, Map<String, String> metadata) {
        return status(Code.ALREADY_EXISTS, reason, message, domain, metadata, null);
    }

    static StatusRuntimeException precondition(String domain, List<Rule> rules) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("article", rules.get(0).article());
        PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
        int included = 0;
        for (Rule rule : rules) {
            PreconditionFailure.Violation item = PreconditionFailure.Violation.newBuilder().setType(rule.reason())
                    .setSubject(clip(rule.subject(), TEXT_CHARS))
                    .setDescription(clip(rule.article() + ": " + rule.description(), TEXT_CHARS)).build();
            if (failure.build().getSerializedSize() + item.getSerializedSize() > DETAIL_BUDGET_BYTES) {
                break;
            }
            failure.addViolations(item);
            included++;
        }
        truncation(metadata, included, rules.size());
        return status(Code.FAILED_PRECONDITION, rules.get(0).reason(), rules.get(0).description(), domain, metadata, Any.pack(failure.build()));
    }

    static StatusRuntimeException precondition(String domain, Rule rule) {
        return precondition(domain, List.of(rule));
    }

    /** Not a domain refusal: a code with an ErrorInfo only (UNIMPLEMENTED, INTERNAL). */
    static StatusRuntimeException plain(Code code, String reason, String message, String domain) {
        return status(code, reason, message, domain, Map.of(), null);
    }

    private static StatusRuntimeException status(Code code, String reason, String message, String domain, Map<String, String> metadata,
                                                 Any detail) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(clip(message, MESSAGE_CHARS))
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(metadata).build()));
        if (detail != null) {
            status.addDetails(detail);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static void truncation(Map<String, String> metadata, int included, int total) {
        if (included < total) {
            metadata.put("violations_total", Integer.toString(total));
            metadata.put("violations_included", Integer.toString(included));
        }
    }

    /** The first few violations; the BadRequest detail carries each of them. */
    private static String describe(List<FieldViolation> violations) {
        int shown = Math.min(violations.size(), MESSAGE_VIOLATIONS);
        StringBuilder message = new StringBuilder(violations.size() > shown
                ? "Invalid request (" + violations.size() + " problems, the first " + shown + " here): " : "Invalid request: ");
        for (int i = 0; i < shown; i++) {
            FieldViolation violation = violations.get(i);
            message.append(i == 0 ? "" : "; ").append(violation.field()).append(": ").append(violation.description());
        }
        return message.toString();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
