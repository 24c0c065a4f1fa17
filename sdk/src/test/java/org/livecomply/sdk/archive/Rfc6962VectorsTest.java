package org.livecomply.sdk.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every public RFC 6962 / 9162 vector of transparency-dev/merkle, read from the shared folder beside the
 * repository ({@code ../shared/testdata/rfc6962-vectors}, not copied into the project, per its README).
 * Set {@code -Dlivecomply.rfc6962.vectors=DIR} to read them elsewhere. A missing folder fails the build.
 */
class Rfc6962VectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path vectors() {
        String configured = System.getProperty("livecomply.rfc6962.vectors");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "testdata", "rfc6962-vectors");
        assertTrue(Files.isDirectory(dir.resolve("inclusion")), "RFC 6962 vectors not found at " + dir.toAbsolutePath());
        return dir;
    }

    static List<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(vectors().resolve(kind))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theWholeSetIsThere() throws IOException {
        // 98 inclusion and 98 consistency cases at transparency-dev/merkle 417fb0c: none may go missing unnoticed.
        assertEquals(98, cases("inclusion").size());
        assertEquals(98, cases("consistency").size());
    }

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws IOException {
        return cases("inclusion").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = JSON.readTree(file.toFile());
            check(v, () -> MerkleVerifier.verifyInclusion(v.get("leafIdx").bigIntegerValue().longValue(),
                    v.get("treeSize").bigIntegerValue().longValue(), bytes(v.get("leafHash")), hashes(v.get("proof")), bytes(v.get("root"))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws IOException {
        return cases("consistency").stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode v = JSON.readTree(file.toFile());
            check(v, () -> MerkleVerifier.verifyConsistency(v.get("size1").bigIntegerValue().longValue(),
                    v.get("size2").bigIntegerValue().longValue(), bytes(v.get("root1")), bytes(v.get("root2")), hashes(v.get("proof"))));
        }));
    }

    private static void check(JsonNode vector, Executable verification) {
        if (vector.get("wantErr").asBoolean()) {
            assertThrows(ProofException.class, verification, vector.get("desc").asText());
        } else {
            assertDoesNotThrow(verification, vector.get("desc").asText());
        }
    }

    private static String name(Path file) {
        return vectors().relativize(file).toString();
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(node -> list.add(bytes(node)));
        }
        return list;
    }
}
