package org.livecomply.grading.domain.gate;

/** One failing check of the go-live gate: a catalogued code, its article, the subject and a sentence. */
public record GoLiveReason(String code, String article, String subject, String description) {
}
