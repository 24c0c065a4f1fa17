package org.livecomply.grading.domain;

import java.util.List;
import java.util.regex.Pattern;
import org.livecomply.commons.error.Violations;

/** A transaction-archive record by leaf index, or an artefact by SHA-256; exactly one of the two. */
public record Evidence(Long archiveLeafIndex, String artefactSha256, String description) {

    public static final int MAX_ITEMS = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public static void check(List<Evidence> evidence, int min, String path, Violations violations) {
        violations.when(evidence.size() < min, path, path + " needs at least " + min + " item(s)")
                .when(evidence.size() > MAX_ITEMS, path, path + " has at most " + MAX_ITEMS + " items");
        for (int i = 0; i < Math.min(evidence.size(), MAX_ITEMS); i++) {
            evidence.get(i).check(path + "[" + i + "]", violations);
        }
    }

    private void check(String path, Violations violations) {
        if (archiveLeafIndex == null && artefactSha256 == null) {
            violations.add(path, path + " needs archive_leaf_index or artefact_sha256");
        }
        violations.when(archiveLeafIndex != null && archiveLeafIndex < 0, path + ".archive_leaf_index", path + ".archive_leaf_index must be ≥ 0")
                .when(artefactSha256 != null && !SHA256.matcher(artefactSha256).matches(), path + ".artefact_sha256",
                        path + ".artefact_sha256 must be 64 lowercase hex characters")
                .text(path + ".description", description, 0, 200);
    }
}
