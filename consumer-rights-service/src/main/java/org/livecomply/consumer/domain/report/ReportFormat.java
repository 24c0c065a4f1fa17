package org.livecomply.consumer.domain.report;

/** How export files are encoded; decides the file extension. */
public enum ReportFormat {
    CSV("csv"),
    JSON_LINES("jsonl");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String fileName(String baseName) {
        return baseName + "." + extension;
    }
}
