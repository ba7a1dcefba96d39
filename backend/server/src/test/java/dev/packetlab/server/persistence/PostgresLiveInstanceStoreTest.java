package dev.packetlab.server.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LiveInstanceStoreContract} with the {@code postgres} profile, against a real PostgreSQL server. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresLiveInstanceStoreTest extends LiveInstanceStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.get();
        registry.add("PACKETLAB_DB_URL", server::jdbcUrl);
        registry.add("PACKETLAB_DB_USER", () -> PostgresServer.USER);
    }
}
