package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NetworkPolicies admit exactly the call DAG of the suite, DNS, the database and monitoring. */
class NetworkPolicyTest {

    /** ARCHITECTURE.md, "The five services and who calls whom". */
    private static final Map<String, Set<String>> DAG = Map.of(
            "identity", Set.of(),
            "training", Set.of("identity"),
            "room-grading", Set.of("identity", "training"),
            "transaction-archive", Set.of(),
            "consumer-rights", Set.of("identity", "transaction-archive", "room-grading"));

    private static final int GRPC = 50051;
    private static final int HTTP = 8080;

    @Test
    void aloneIdentityAdmitsNoGrpcCallerAndOnlyMonitoringOnHttp() {
        NetworkPolicy np = Rendered.of(List.of(), merge(HelmChart.REQUIRED_SETS, Map.of("components.training.enabled", "false",
                "components.room-grading.enabled", "false", "components.consumer-rights.enabled", "false"))).networkPolicy("identity");
        assertTrue(peersOnPort(np.getSpec().getIngress(), GRPC).isEmpty(),
                "no caller configured: nobody may reach the gRPC port (an empty 'from' would admit everyone)");
        List<NetworkPolicyPeer> http = peersOnPort(np.getSpec().getIngress(), HTTP);
        assertEquals(1, http.size());
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"), http.get(0).getNamespaceSelector().getMatchLabels());
        assertEquals(1, np.getSpec().getIngress().size(), "only the http rule");

        List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
        assertEquals(Set.of("53/UDP", "53/TCP", "3306/TCP"), egressPorts(egress), "DNS and the database only");
        NetworkPolicyEgressRule dns = ruleWithPort(egress, 53);
        assertEquals(Map.of("k8s-app", "kube-dns"), dns.getTo().get(0).getPodSelector().getMatchLabels());
        assertEquals(Map.of("kubernetes.io/metadata.name", "kube-system"), dns.getTo().get(0).getNamespaceSelector().getMatchLabels());
    }

    @Test
    void trainingCallingIdentityOpensExactlyThatPath() {
        Rendered r = Rendered.of(List.of(), merge(HelmChart.REQUIRED_SETS, Map.of("components.room-grading.enabled", "false",
                "components.consumer-rights.enabled", "false")));
        assertEquals(Set.of("identity", "training", "transaction-archive"), r.components());

        NetworkPolicy identity = r.networkPolicy("identity");
        List<NetworkPolicyPeer> identityCallers = peersOnPort(identity.getSpec().getIngress(), GRPC);
        assertEquals(1, identityCallers.size(), identityCallers.toString());
        NetworkPolicyPeer caller = identityCallers.get(0);
        assertNull(caller.getNamespaceSelector(), "same namespace only");
        assertNull(caller.getIpBlock());
        assertEquals(r.deployment("training").getSpec().getSelector().getMatchLabels(),
                caller.getPodSelector().getMatchLabels(), "exactly training's pods of this release");
        assertTrue(r.deployment("training").getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(caller.getPodSelector().getMatchLabels().entrySet()));

        NetworkPolicy training = r.networkPolicy("training");
        assertEquals(Set.of("identity"), componentsOf(egressPeersOnPort(training.getSpec().getEgress(), GRPC)));
        NetworkPolicyPeer callee = egressPeersOnPort(training.getSpec().getEgress(), GRPC).get(0);
        assertEquals(r.deployment("identity").getSpec().getSelector().getMatchLabels(), callee.getPodSelector().getMatchLabels());

        assertTrue(peersOnPort(training.getSpec().getIngress(), GRPC).isEmpty(), "nobody calls training");
        assertTrue(egressPeersOnPort(identity.getSpec().getEgress(), GRPC).isEmpty(), "identity calls no one");
    }

    @Test
    void theFiveServicesGetExactlyTheCallGraphDerivedFromTheirCalls() {
        Rendered r = Scenario.suite().render();
        Map<String, Set<String>> callees = new LinkedHashMap<>();
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        for (String c : DAG.keySet()) {
            NetworkPolicy np = r.networkPolicy(c);
            callees.put(c, componentsOf(egressPeersOnPort(np.getSpec().getEgress(), GRPC)));
            callers.put(c, componentsOf(peersOnPort(np.getSpec().getIngress(), GRPC)));
        }
        Map<String, Set<String>> expectedCallers = new LinkedHashMap<>();
        DAG.keySet().forEach(c -> expectedCallers.put(c, new TreeSet<>()));
        DAG.forEach((caller, calls) -> calls.forEach(callee -> expectedCallers.get(callee).add(caller)));
        // Against the DAG only through room-grading's outbox: the Art. 23 hand-off.
        expectedCallers.get("consumer-rights").add("room-grading");
        Map<String, Set<String>> expectedCallees = new LinkedHashMap<>();
        DAG.forEach((caller, calls) -> expectedCallees.put(caller, new TreeSet<>(calls)));
        expectedCallees.get("room-grading").add("consumer-rights");

        DAG.keySet().forEach(c -> {
            assertEquals(expectedCallees.get(c), callees.get(c), c + " may call");
            assertEquals(expectedCallers.get(c), callers.get(c), c + " may be called by");
        });
        assertEquals(Set.of("consumer-rights", "room-grading", "training"), callers.get("identity"));
    }

    @Test
    void aDisabledComponentRendersNothingAndDropsOutOfThePolicies() {
        Scenario suite = Scenario.suite();
        Rendered r = Rendered.of(suite.valuesFiles(), Map.of("components.training.enabled", "false"));
        assertEquals(Set.of("identity", "room-grading", "transaction-archive", "consumer-rights"), r.components());
        assertTrue(r.ofComponent("training").isEmpty(), "no object of training");
        assertEquals(Set.of("consumer-rights", "room-grading"),
                componentsOf(peersOnPort(r.networkPolicy("identity").getSpec().getIngress(), GRPC)));
        assertEquals(Set.of("identity", "consumer-rights"),
                componentsOf(egressPeersOnPort(r.networkPolicy("room-grading").getSpec().getEgress(), GRPC)),
                "training is gone; consumer-rights stays for the Art. 23 hand-off");
    }

    @Test
    void allowedCallersAddsACallerThatIsNotInItsCalls() {
        Scenario suite = Scenario.suite();
        Rendered r = Rendered.of(suite.valuesFiles(), Map.of("components.transaction-archive.allowedCallers[0]", "training"));
        assertEquals(Set.of("consumer-rights", "training"),
                componentsOf(peersOnPort(r.networkPolicy("transaction-archive").getSpec().getIngress(), GRPC)));
    }

    @Test
    void productionAdmitsThePlatformNamespaceAndNarrowsEgressToTheDatabaseSubnet() {
        // the archive: consumer-rights (records, proofs, legal holds) and the platform's own callers
        NetworkPolicy np = Scenario.production().render().networkPolicy("transaction-archive");
        List<NetworkPolicyPeer> grpc = peersOnPort(np.getSpec().getIngress(), GRPC);
        assertEquals(2, grpc.size(), grpc.toString());
        assertEquals(Map.of("app.kubernetes.io/component", "consumer-rights", "app.kubernetes.io/instance", "lc",
                "app.kubernetes.io/name", "livecomply"), grpc.get(0).getPodSelector().getMatchLabels());
        assertEquals(Map.of("kubernetes.io/metadata.name", "platform"), grpc.get(1).getNamespaceSelector().getMatchLabels());

        List<NetworkPolicyPeer> http = peersOnPort(np.getSpec().getIngress(), HTTP);
        assertEquals(1, http.size());
        assertEquals(Map.of("app.kubernetes.io/name", "prometheus"), http.get(0).getPodSelector().getMatchLabels(),
                "namespace AND pod selector in one peer");
        assertNotNull(http.get(0).getNamespaceSelector());

        NetworkPolicyEgressRule db = ruleWithPort(np.getSpec().getEgress(), 3306);
        assertEquals(1, db.getTo().size());
        assertEquals("10.20.30.0/24", db.getTo().get(0).getIpBlock().getCidr());
    }

    @Test
    void withNetworkPolicyDisabledNoneIsRendered() {
        Rendered r = Rendered.of(List.of(), merge(HelmChart.REQUIRED_SETS, Map.of("networkPolicy.enabled", "false")));
        assertTrue(r.all(NetworkPolicy.class).isEmpty());
        assertFalse(r.components().isEmpty());
    }

    // --- helpers ---

    static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private static boolean hasPort(List<NetworkPolicyPort> ports, int port) {
        return ports != null && ports.stream().anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getValue()));
    }

    static List<NetworkPolicyPeer> peersOnPort(List<NetworkPolicyIngressRule> rules, int port) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (NetworkPolicyIngressRule rule : rules) {
            if (hasPort(rule.getPorts(), port)) {
                assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), "rule admits everyone on " + port);
                peers.addAll(rule.getFrom());
            }
        }
        return peers;
    }

    static List<NetworkPolicyPeer> egressPeersOnPort(List<NetworkPolicyEgressRule> rules, int port) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (NetworkPolicyEgressRule rule : rules) {
            if (hasPort(rule.getPorts(), port)) {
                assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), "rule reaches everyone on " + port);
                peers.addAll(rule.getTo());
            }
        }
        return peers;
    }

    private static NetworkPolicyEgressRule ruleWithPort(List<NetworkPolicyEgressRule> rules, int port) {
        List<NetworkPolicyEgressRule> matching = rules.stream().filter(r -> hasPort(r.getPorts(), port)).toList();
        assertEquals(1, matching.size(), "one egress rule on port " + port);
        return matching.get(0);
    }

    private static Set<String> egressPorts(List<NetworkPolicyEgressRule> rules) {
        Set<String> ports = new TreeSet<>();
        rules.forEach(r -> r.getPorts().forEach(p -> ports.add(p.getPort().getValue() + "/" + p.getProtocol())));
        return ports;
    }

    /** The component label of pod-selector peers of this release (and fails on any other peer). */
    private static Set<String> componentsOf(List<NetworkPolicyPeer> peers) {
        Set<String> components = new TreeSet<>();
        for (NetworkPolicyPeer peer : peers) {
            assertNull(peer.getNamespaceSelector(), "component peers are in the release namespace: " + peer);
            assertNull(peer.getIpBlock(), peer.toString());
            LabelSelector selector = peer.getPodSelector();
            assertNotNull(selector, peer.toString());
            Map<String, String> labels = selector.getMatchLabels();
            assertEquals(HelmChart.RELEASE, labels.get("app.kubernetes.io/instance"), peer.toString());
            assertEquals("livecomply", labels.get("app.kubernetes.io/name"), peer.toString());
            components.add(labels.get("app.kubernetes.io/component"));
        }
        return components;
    }
}
