package org.livecomply.devrun;

import java.util.List;

/** One service of the suite as the dev run starts it: its module, database and fixed local ports. */
record DevService(String name, String module, int grpcPort, int httpPort, List<String> scopes) {

    /** Every service that exists so far, in DAG order (a service starts after those it calls). */
    static final List<DevService> ALL = List.of(
            new DevService("identity", "identity-service", 50051, 8081,
                    List.of("identity.read", "identity.write", "identity.verify", "identity.blacklist.write",
                            "identity.pii.read", "identity.audit.read", "reports.export")),
            new DevService("archive", "transaction-archive-service", 50052, 8082,
                    List.of("archive.append", "archive.read", "archive.admin")));

    String database() {
        return "livecomply_" + name.replace('-', '_');
    }

    DevService offset(int by) {
        return new DevService(name, module, grpcPort + by, httpPort + by, scopes);
    }
}
