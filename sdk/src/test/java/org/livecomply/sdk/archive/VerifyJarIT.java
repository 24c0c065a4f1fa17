package org.livecomply.sdk.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livecomply.api.archive.v1.EvidenceBundle;

/** The packaged command as a regulator runs it: the repository's livecomply-verify script over the shaded jar. */
class VerifyJarIT {

    private static final Path SCRIPT = Path.of("..", "livecomply-verify").toAbsolutePath().normalize();

    @Test
    void theScriptVerifiesABundleOfflineAndNamesTheFailureOfATamperedOne(@TempDir Path dir) throws Exception {
        EvidenceVerifierTest fixture = new EvidenceVerifierTest();
        EvidenceBundle genuine = fixture.bundle();
        Path good = dir.resolve("bundle.json");
        Files.writeString(good, JsonFormat.printer().print(genuine));
        Path bad = dir.resolve("tampered.json");
        Files.writeString(bad, JsonFormat.printer().print(genuine.toBuilder().setEntries(1, genuine.getEntries(1).toBuilder()
                .setPayload(ByteString.copyFromUtf8("changed"))).build()));

        Result ok = run(good.toString(), "--public-key", fixture.verifierKey);
        assertEquals(0, ok.code(), ok.output());
        assertTrue(ok.output().startsWith("OK: 3 records of order order-1"), ok.output());

        Result tampered = run(bad.toString(), "--public-key", fixture.verifierKey);
        assertEquals(1, tampered.code(), tampered.output());
        assertEquals("FAILED: entry 1 (records/3): payload and salt do not hash to the leaf hash", tampered.output());

        assertEquals(2, run(good.toString()).code());
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "livecomply-verify hung");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
