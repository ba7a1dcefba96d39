package dev.packetlab.server.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** {@link LiveInstanceStoreContract} on the default database, H2 in PostgreSQL mode. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class H2LiveInstanceStoreTest extends LiveInstanceStoreContract {}
