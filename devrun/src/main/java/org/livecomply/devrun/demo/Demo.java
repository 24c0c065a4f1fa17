package org.livecomply.devrun.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.livecomply.devrun.DevRun;
import org.livecomply.sdk.LiveComplyClient;
import org.livecomply.sdk.LiveComplyService;

/**
 * {@code ./livecomply-demo}: plays {@link DemoScenario} against a dev run ({@code ./livecomply-dev}) started in
 * another terminal, with a token minted from the dev run's published secret. Exit 0 when every step turned out
 * as expected, 1 at the first that did not, 2 when no dev run answers or the arguments are wrong.
 * <pre>java -cp devrun/target/livecomply-devrun-*-all.jar org.livecomply.devrun.demo.Demo [--port-offset N] [--out DIR]</pre>
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        int offset = 0;
        Path out = Path.of(".livecomply-dev", "demo-reports");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("usage: livecomply-demo [--port-offset N] [--out DIR]   (" + e.getMessage() + ")");
            System.exit(2);
        }
        String consumerHttp = DevRun.consumerHttpBase(offset);
        List<String> silent = unreachable(offset, consumerHttp);
        if (!silent.isEmpty()) {
            System.err.println("No dev run answers at " + String.join(", ", silent)
                    + ". Start it in another terminal first: ./livecomply-dev" + (offset == 0 ? "" : " --port-offset " + offset));
            System.exit(2);
        }
        String token = DevRun.mintDevToken("demo", DemoScenario.SCOPES);
        int status = 0;
        try (LiveComplyClient client = LiveComplyClient.builder().devRun("127.0.0.1", offset).token(token).build()) {
            new DemoScenario(client, consumerHttp, out, System.out).run();
        } catch (DemoFailure e) {
            System.out.flush();
            System.err.println("\nDEMO FAILED at " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** The dev run's gRPC ports and consumer-rights' HTTP port that do not accept a connection. */
    private static List<String> unreachable(int offset, String consumerHttp) {
        List<String> silent = new ArrayList<>();
        for (LiveComplyService service : LiveComplyService.values()) {
            int port = service.defaultPort() + offset;
            if (!accepts(port)) {
                silent.add("127.0.0.1:" + port + " (" + service + ")");
            }
        }
        if (!accepts(URI.create(consumerHttp).getPort())) {
            silent.add(consumerHttp);
        }
        return silent;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
