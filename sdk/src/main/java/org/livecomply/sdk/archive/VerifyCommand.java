package org.livecomply.sdk.archive;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.livecomply.api.archive.v1.EvidenceBundle;

/**
 * {@code livecomply-verify <bundle.json> --public-key <verifier key | file holding it>}: prints OK and
 * exits 0, or prints the exact failure and exits 1 (2 for a usage error).
 * <pre>java -cp livecomply-sdk.jar:... org.livecomply.sdk.archive.VerifyCommand bundle.json --public-key "$KEY"</pre>
 */
public final class VerifyCommand {

    static final String USAGE = "usage: livecomply-verify <bundle.json> --public-key <verifier key or file>";

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !"--public-key".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        String key = args[2];
        EvidenceBundle.Builder bundle = EvidenceBundle.newBuilder();
        try {
            Path keyFile = Path.of(key);
            if (Files.isRegularFile(keyFile)) {
                key = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
            }
            JsonFormat.parser().merge(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), bundle);
        } catch (InvalidProtocolBufferException e) {
            err.println("FAILED: " + args[0] + " is not an evidence bundle: " + e.getMessage());
            return 1;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("FAILED: cannot read " + e.getMessage());
            return 1;
        }
        try {
            SignedCheckpoint checkpoint = EvidenceVerifier.verify(bundle.build(), key);
            out.println("OK: " + bundle.getEntriesCount() + " records of order " + bundle.getOrderId()
                    + " are in the log " + checkpoint.origin() + " at size " + checkpoint.treeSize());
            return 0;
        } catch (ProofException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        }
    }
}
