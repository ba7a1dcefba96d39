package dev.packetlab.stack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The stack's architecture as executable rules (docs/architecture.md explains them): no web or
 * JSON library, a strict layering of its packages, and no wall clock or unseeded randomness, which
 * would break "same lab + same seed + same commands = the same event log".
 */
class ArchitectureTest {

    private static final String STACK = "dev.packetlab.stack";

    /**
     * Each layer and the layers it may use, lowest first. "and below" is spelled out, so each row
     * reads on its own. A layer whose package does not exist yet simply has nothing to check.
     */
    private static final List<Layer> LAYERS = List.of(
            new Layer("wire"),
            new Layer("sim"),
            new Layer("trace", "sim", "wire"),
            new Layer("link", "wire", "sim", "trace"),
            new Layer("net", "link", "wire", "sim", "trace"),
            new Layer("udp", "net", "link", "wire", "sim", "trace"),
            new Layer("tcp", "net", "link", "wire", "sim", "trace"),
            new Layer("socket", "tcp", "udp", "net", "link", "wire", "sim", "trace"),
            new Layer("app", "socket", "tcp", "udp", "net", "link", "wire", "sim", "trace"),
            new Layer("lab", "app", "socket", "tcp", "udp", "net", "link", "wire", "sim", "trace"));

    /** What nothing in the stack may call: its time is SimTime and its randomness SimRandom. */
    private static final List<ForbiddenCall> NONDETERMINISTIC = List.of(
            ForbiddenCall.method(System.class, "currentTimeMillis"),
            ForbiddenCall.method(System.class, "nanoTime"),
            ForbiddenCall.method(Instant.class, "now"),
            ForbiddenCall.method(LocalDateTime.class, "now"),
            ForbiddenCall.method(LocalTime.class, "now"),
            ForbiddenCall.method(LocalDate.class, "now"),
            ForbiddenCall.method(ZonedDateTime.class, "now"),
            ForbiddenCall.method(OffsetDateTime.class, "now"),
            ForbiddenCall.method(Clock.class, "systemUTC"),
            ForbiddenCall.method(Clock.class, "systemDefaultZone"),
            ForbiddenCall.method(Clock.class, "system"),
            ForbiddenCall.method(Math.class, "random"),
            ForbiddenCall.method(StrictMath.class, "random"),
            ForbiddenCall.noArgConstructor(Random.class),
            ForbiddenCall.anyMember(ThreadLocalRandom.class),
            ForbiddenCall.anyConstructor(SecureRandom.class),
            ForbiddenCall.method(UUID.class, "randomUUID"));

    /**
     * The stack's main code only: tests may time themselves. (ArchUnit's DO_NOT_INCLUDE_TESTS only
     * knows target/test-classes, but the build directory is configurable: -Dpacketlab.buildDir.)
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages(STACK);

    @Test
    void checksTheMainClassesAndNotTheTests() {
        // Every rule below allows an empty selection, so an import that found nothing would pass them all.
        assertThat(MAIN).isNotEmpty();
        assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void dependsOnNoWebOrJsonLibrary() {
        noClasses().that().resideInAPackage(STACK + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "tools.jackson..", "com.fasterxml..")
                .because("the stack is pure Java; backend/server adapts it to Spring and Jackson")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @TestFactory
    Stream<DynamicTest> eachLayerUsesOnlyTheLayersBelowIt() {
        return LAYERS.stream().map(layer -> DynamicTest.dynamicTest(
                layer.name() + " may use " + (layer.mayUse().isEmpty() ? "no other layer" : new TreeSet<>(layer.mayUse())),
                () -> {
                    String[] forbidden = LAYERS.stream()
                            .map(Layer::name)
                            .filter(other -> !other.equals(layer.name()) && !layer.mayUse().contains(other))
                            .map(other -> STACK + "." + other + "..")
                            .toArray(String[]::new);
                    if (forbidden.length == 0) {
                        return; // the top layer may use every other one
                    }
                    noClasses().that().resideInAPackage(layer.packagePattern())
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                            .allowEmptyShould(true)
                            .check(MAIN);
                }));
    }

    @Test
    void everyClassBelongsToALayer() {
        String[] layerPackages = LAYERS.stream().map(Layer::packagePattern).toArray(String[]::new);
        classes().that().resideInAPackage(STACK + "..")
                .should().resideInAnyPackage(layerPackages)
                .because("a package outside the layer table escapes the layering rules; add it to LAYERS")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void neverReadsTheWallClockOrUnseededRandomness() {
        classes().that().resideInAPackage(STACK + "..")
                .should(callNoneOf(NONDETERMINISTIC))
                .because("only sim makes time (SimTime) and only SimRandom makes randomness, so runs replay exactly")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void theLayerTableOnlyPointsDownward() {
        List<String> seen = new ArrayList<>();
        for (Layer layer : LAYERS) {
            assertThat(seen).as("layers %s may use, all listed before it", layer.name()).containsAll(layer.mayUse());
            seen.add(layer.name());
        }
    }

    @Test
    void theForbiddenCallTableRecognisesWhatItForbids() {
        assertThat(NONDETERMINISTIC.stream().filter(call -> call.matches(Random.class.getName(), "<init>", 0))).hasSize(1);
        assertThat(NONDETERMINISTIC.stream().filter(call -> call.matches(Random.class.getName(), "<init>", 1))).isEmpty();
        assertThat(NONDETERMINISTIC.stream().filter(call -> call.matches(ThreadLocalRandom.class.getName(), "current", 0))).hasSize(1);
        assertThat(NONDETERMINISTIC.stream().filter(call -> call.matches(Instant.class.getName(), "now", 1))).hasSize(1);
        assertThat(NONDETERMINISTIC.stream().filter(call -> call.matches(Instant.class.getName(), "ofEpochSecond", 1))).isEmpty();
    }

    /** A call (or method reference) that makes the simulation depend on the host it runs on. */
    private record ForbiddenCall(String owner, String name, int parameterCount) {

        static final String ANY_NAME = "*";
        static final int ANY_PARAMETERS = -1;

        static ForbiddenCall method(Class<?> owner, String name) {
            return new ForbiddenCall(owner.getName(), name, ANY_PARAMETERS);
        }

        static ForbiddenCall noArgConstructor(Class<?> owner) {
            return new ForbiddenCall(owner.getName(), "<init>", 0);
        }

        static ForbiddenCall anyConstructor(Class<?> owner) {
            return new ForbiddenCall(owner.getName(), "<init>", ANY_PARAMETERS);
        }

        static ForbiddenCall anyMember(Class<?> owner) {
            return new ForbiddenCall(owner.getName(), ANY_NAME, ANY_PARAMETERS);
        }

        boolean matches(String targetOwner, String targetName, int targetParameterCount) {
            return owner.equals(targetOwner)
                    && (name.equals(ANY_NAME) || name.equals(targetName))
                    && (parameterCount == ANY_PARAMETERS || parameterCount == targetParameterCount);
        }
    }

    private static ArchCondition<JavaClass> callNoneOf(List<ForbiddenCall> forbidden) {
        return new ArchCondition<>("not call the wall clock or unseeded randomness") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                        continue;
                    }
                    boolean hit = forbidden.stream().anyMatch(call -> call.matches(
                            target.getOwner().getName(), target.getName(), target.getRawParameterTypes().size()));
                    if (hit) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /** A package of the stack, {@code dev.packetlab.stack.<name>}, and the layers its classes may use. */
    private record Layer(String name, Set<String> mayUse) {

        Layer(String name, String... mayUse) {
            this(name, Set.of(mayUse));
        }

        String packagePattern() {
            return STACK + "." + name + "..";
        }
    }
}
