package org.livecomply.commons.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.livecomply.api.auth.v1.AnnotationsProto;

/**
 * The contract side of "fail closed": every RPC of every gRPC service generated from proto/ declares the
 * scope a caller needs. A new RPC without {@code option (livecomply.auth.v1.required_scope)} fails here
 * rather than in production, where {@link AuthInterceptor} would refuse it for everyone.
 */
class EveryRpcDeclaresAScopeTest {

    private static final Pattern SCOPE = Pattern.compile("^[a-z]+\\.[a-z.]+$");

    /** Binary names of the generated {@code *Grpc} classes in the proto module (directory or jar). */
    static List<String> grpcClassNames() throws IOException, URISyntaxException {
        URL location = AnnotationsProto.class.getProtectionDomain().getCodeSource().getLocation();
        Path path = Path.of(location.toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(file -> file.getFileName().toString().endsWith("Grpc.class"))
                        .map(file -> path.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                        .forEach(names::add);
            }
        } else {
            try (JarFile jar = new JarFile(path.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.endsWith("Grpc.class")) {
                        names.add(name);
                    }
                }
            }
        }
        return names.stream()
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .filter(name -> !name.contains("$"))
                .sorted()
                .toList();
    }

    static List<ServiceDescriptor> allServices() throws Exception {
        List<ServiceDescriptor> services = new ArrayList<>();
        for (String className : grpcClassNames()) {
            Class<?> grpc = Class.forName(className);
            services.add((ServiceDescriptor) grpc.getMethod("getServiceDescriptor").invoke(null));
        }
        return services;
    }

    @Test
    void everyRpcDeclaresAWellFormedScope() throws Exception {
        List<ServiceDescriptor> services = allServices();
        Map<String, String> scopes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (ServiceDescriptor service : services) {
            assertFalse(service.getMethods().isEmpty(), service.getName() + " has no methods");
            assertTrue(service.getName().startsWith("livecomply."), service.getName());
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                Optional<String> scope = RequiredScopes.of(method);
                if (scope.isEmpty()) {
                    problems.add(method.getFullMethodName() + " declares no required_scope");
                } else if (!SCOPE.matcher(scope.get()).matches()) {
                    problems.add(method.getFullMethodName() + " declares malformed scope '" + scope.get() + "'");
                } else {
                    scopes.put(method.getFullMethodName(), scope.get());
                }
            }
        }
        assertEquals(List.of(), problems);

        // the scan really found the contracts, so this test cannot pass on an empty list
        assertTrue(services.stream().anyMatch(s -> s.getName().equals("livecomply.identity.v1.IdentityService")),
                "IdentityService not found among " + services.stream().map(ServiceDescriptor::getName).toList());
        assertEquals("identity.write", scopes.get("livecomply.identity.v1.IdentityService/CreateRoomOperator"));
        assertEquals("identity.read", scopes.get("livecomply.identity.v1.IdentityService/GetRoomOperator"));
        assertEquals("identity.read", scopes.get("livecomply.identity.v1.IdentityService/ListRoomOperators"));
    }

    @Test
    void aMethodWithoutASchemaDescriptorHasNoScope() {
        MethodDescriptor<Object, Object> bare = MethodDescriptor.newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("livecomply.test.v1.Bare/Call")
                .setRequestMarshaller(AuthInterceptorTest.NOOP)
                .setResponseMarshaller(AuthInterceptorTest.NOOP)
                .build();
        assertTrue(RequiredScopes.of(bare).isEmpty());
    }
}
