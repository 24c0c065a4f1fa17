package org.livecomply.grading.domain.content;

/** A place in the text to change before the session; offsets in code points, end exclusive. */
public record ContentFinding(FindingKind kind, String matchedText, int startOffset, int endOffset, String explanation) {
}
