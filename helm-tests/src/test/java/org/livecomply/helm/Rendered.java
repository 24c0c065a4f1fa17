package org.livecomply.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The strictly parsed output of one {@code helm template} call, with lookups by component. */
final class Rendered {

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String yaml;
    final List<HasMetadata> resources;

    private Rendered(String yaml) {
        this.yaml = yaml;
        this.resources = Manifests.parse(yaml);
    }

    static Rendered of(List<Path> valuesFiles, Map<String, String> sets) {
        return new Rendered(HelmChart.template(valuesFiles, sets));
    }

    /** Renders once per key (helm calls cost ~0.5-1 s). */
    static Rendered cached(String key, List<Path> valuesFiles, Map<String, String> sets) {
        return CACHE.computeIfAbsent(key, k -> of(valuesFiles, sets));
    }

    static String objectName(String component) {
        return HelmChart.RELEASE + "-livecomply-" + component;
    }

    /** Components that have a Deployment. */
    Set<String> components() {
        return all(Deployment.class).stream()
                .map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/component"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(
                () -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in:\n" + yaml));
    }

    List<HasMetadata> ofComponent(String component) {
        return resources.stream()
                .filter(r -> component.equals(r.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .toList();
    }

    Deployment deployment(String component) {
        return get(Deployment.class, objectName(component));
    }

    Container container(String component) {
        List<Container> containers = deployment(component).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError("expected one container in " + component + ", got " + containers.size());
        }
        return containers.get(0);
    }

    Service service(String component) {
        return get(Service.class, objectName(component));
    }

    ConfigMap configMap(String component) {
        return get(ConfigMap.class, objectName(component));
    }

    ServiceAccount serviceAccount(String name) {
        return get(ServiceAccount.class, name);
    }

    PodDisruptionBudget pdb(String component) {
        return get(PodDisruptionBudget.class, objectName(component));
    }

    Optional<HorizontalPodAutoscaler> hpa(String component) {
        return find(HorizontalPodAutoscaler.class, objectName(component));
    }

    NetworkPolicy networkPolicy(String component) {
        return get(NetworkPolicy.class, objectName(component));
    }
}
