package org.livecomply.commons.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clients bind from configuration the way the environment variables of a deployment set them. */
class ClientConfigurationIT {

    @Test
    void eachConfiguredDependencyBecomesAClient() {
        Map<String, Object> properties = Map.of(
                "livecomply.service-name", "grading",
                "livecomply.service-secret", "client-it-service-secret-0123456789abcdef",
                "livecomply.auth.hs256-secret", "client-it-hs256-secret-0123456789abcdef!",
                "livecomply.clients.identity.address", "identity.example:50051",
                "livecomply.clients.identity.scopes", "identity.read,identity.blacklist.write",
                "livecomply.clients.training.address", "training.example:50053",
                "livecomply.clients.training.deadline", "750ms",
                "livecomply.clients.training.token", "from-a-secret");
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).environments("test")
                .properties(properties).start()) {
            ServiceClients clients = context.getBean(ServiceClients.class);

            assertEquals("identity.example:50051", clients.configuration("identity").getAddress());
            assertEquals(List.of("identity.read", "identity.blacklist.write"), clients.configuration("identity").getScopes());
            assertEquals(Duration.ofSeconds(2), clients.configuration("identity").getDeadline());
            assertEquals(Duration.ofMillis(750), clients.configuration("training").getDeadline());
            assertEquals("from-a-secret", clients.configuration("training").getToken());
        }
    }
}
