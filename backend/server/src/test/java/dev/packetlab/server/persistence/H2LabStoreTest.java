package dev.packetlab.server.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** {@link LabStoreContract} on the default database, H2 in PostgreSQL mode (in memory for tests). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H2LabStoreTest extends LabStoreContract {}
