package org.livecomply.helm;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Strict offline validation of rendered manifests: every YAML document must be a kind known to the
 * fabric8 model (core, apps, policy, autoscaling, networking), with no field the model does not know
 * (fabric8 keeps those in {@code additionalProperties}, checked recursively), no value of the wrong type
 * (no scalar coercion) and no duplicate key.
 */
final class Manifests {

    static final ObjectMapper YAML = strictMapper();

    private static final KubernetesDeserializer KINDS = new KubernetesDeserializer();

    private Manifests() {
    }

    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // a number or boolean where the API wants a string (e.g. a ConfigMap value) is an error too
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Splits a multi-document YAML stream and parses every non-empty document strictly. */
    static List<HasMetadata> parse(String multiDocumentYaml) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            int index = 0;
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                resources.add(parseDocument(doc, "document " + index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    static HasMetadata parseDocument(JsonNode doc, String where) {
        if (!doc.isObject()) {
            throw new AssertionError(where + " is not a YAML mapping: " + doc);
        }
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        Class<? extends KubernetesResource> type = KINDS.getRegisteredKind(apiVersion, kind);
        if (type == null || GenericKubernetesResource.class.isAssignableFrom(type)
                || !HasMetadata.class.isAssignableFrom(type)) {
            throw new AssertionError(where + ": unknown apiVersion/kind " + apiVersion + "/" + kind);
        }
        HasMetadata resource;
        try {
            resource = (HasMetadata) YAML.treeToValue(doc, type);
        } catch (IOException e) {
            throw new AssertionError(where + " (" + kind + "): " + e.getMessage(), e);
        }
        String name = where + " " + kind + "/" + resource.getMetadata().getName();
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, name, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields unknown to the Kubernetes API: " + unknown);
        }
        return resource;
    }

    /** Walks the typed object and reports every non-empty {@code additionalProperties}. */
    static void collectUnknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.")) {
            return;
        }
        if (value instanceof GenericKubernetesResource) {
            problems.add(path + ": untyped resource");
            return;
        }
        BeanDescription bean = YAML.getSerializationConfig().introspect(YAML.constructType(value.getClass()));
        AnnotatedMember anyGetter = bean.findAnyGetter();
        if (anyGetter != null) {
            Object extra = anyGetter.getValue(value);
            if (extra instanceof Map<?, ?> m && !m.isEmpty()) {
                problems.add(path + ": " + m.keySet());
            }
        }
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (property.hasGetter()) {
                collectUnknownFields(property.getGetter().getValue(value), path + "." + property.getName(), problems);
            }
        }
    }
}
