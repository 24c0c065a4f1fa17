package org.livecomply.devrun;

import java.util.List;

/**
 * One service of the suite as the dev run starts it: its module, database, fixed local ports, the scopes its
 * RPCs require (for the dev token) and the services it calls, by their client names (its
 * {@code livecomply.clients.<name>} entries).
 */
record DevService(String name, String module, int grpcPort, int httpPort, List<String> scopes, List<String> calls) {

    /** Every service, in DAG order: a service starts after those it calls. */
    static final List<DevService> ALL = List.of(
            new DevService("identity", "identity-service", 50051, 8081,
                    List.of("identity.read", "identity.write", "identity.verify", "identity.blacklist.write",
                            "identity.pii.read", "identity.audit.read", "reports.export"), List.of()),
            new DevService("archive", "transaction-archive-service", 50052, 8082,
                    List.of("archive.append", "archive.read", "archive.admin"), List.of()),
            new DevService("training", "training-service", 50053, 8083,
                    List.of("training.read", "training.write", "training.admin"), List.of("identity")),
            new DevService("grading", "room-grading-service", 50054, 8084,
                    List.of("grading.read", "grading.write", "grading.decide", "grading.admin", "grading.gate"),
                    List.of("identity", "training", "consumer")),
            new DevService("consumer", "consumer-rights-service", 50055, 8085,
                    List.of("consumer.read", "consumer.manage", "consumer.disclose", "consumer.handover"),
                    List.of("identity", "archive", "grading")));

    String database() {
        return "livecomply_" + name.replace('-', '_');
    }

    DevService offset(int by) {
        return new DevService(name, module, grpcPort + by, httpPort + by, scopes, calls);
    }
}
