package dev.packetlab.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link LabStoreContract} with the {@code postgres} profile, against a real PostgreSQL server ({@link PostgresServer})
 * reached the way a deployment reaches it: through {@code PACKETLAB_DB_URL} and {@code PACKETLAB_DB_USER}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresLabStoreTest extends LabStoreContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.get();
        registry.add("PACKETLAB_DB_URL", server::jdbcUrl);
        registry.add("PACKETLAB_DB_USER", () -> PostgresServer.USER);
    }

    @Test
    void theProfileStoresInPostgresql() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL ");
    }

    @Test
    void flywayCreatedEveryTableOfTheMigrations() {
        assertThat(jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' ORDER BY table_name""").query(String.class).list())
                .containsExactly("class_member", "classroom", "flyway_schema_history", "live_instance", "saved_lab", "share_link",
                        "step_progress");
    }
}
