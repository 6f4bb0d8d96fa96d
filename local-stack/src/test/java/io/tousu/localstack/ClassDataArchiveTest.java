package io.tousu.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains and uses a class-data archive with real JVMs running {@link FakeService}: the archive a
 * graceful stop leaves is one the next JVM maps (it would refuse to start under {@code -Xshare:on}
 * otherwise) and takes the application's own class from.
 */
class ClassDataArchiveTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final String JVM = System.getProperty("java.vm.version");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    private Path jar;
    private final List<ServiceProcess> processes = new ArrayList<>();

    @BeforeEach
    void install() throws IOException {
        FakeServices.install(home, Service.INTAKE);
        jar = Service.INTAKE.runnerJar(home);
    }

    @AfterEach
    void stopAll() {
        processes.forEach(process -> {
            process.kill();
            process.awaitStopped(Duration.ofSeconds(5));
        });
    }

    @Test
    void aGracefulStopOfTheFirstRunLeavesAnArchiveTheNextRunStartsFrom() throws Exception {
        ClassDataArchive archive = ClassDataArchive.forRunner(jar, JVM);
        ServiceProcess training = launch(archive.launch(), "ok");
        assertThat(training.trainsClassData()).isTrue();
        training.awaitReady(WAIT);
        training.requestStop();
        assertThat(training.awaitStopped(WAIT)).isTrue();

        assertThat(archive.path()).isRegularFile();
        assertThat(filesBesideTheJar()).containsExactlyInAnyOrder("quarkus-run.jar",
                archive.path().getFileName().toString());

        ClassDataArchive.Launch second = archive.launch();
        assertThat(second.training()).isFalse();
        assertThat(second.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive.path());
        ServiceProcess user = launch(second, "ok", "-Xshare:on", "-Xlog:class+load=info");
        user.awaitReady(WAIT);
        assertThat(Files.readString(user.log()))
                .contains(FakeService.class.getName() + " source: shared objects file (top)");
    }

    @Test
    void aKilledFirstRunLeavesNothing() throws Exception {
        ClassDataArchive archive = ClassDataArchive.forRunner(jar, JVM);
        ServiceProcess training = launch(archive.launch(), "ok");
        training.awaitReady(WAIT);
        training.kill();
        training.awaitStopped(WAIT);

        assertThat(filesBesideTheJar()).containsExactly("quarkus-run.jar");
        assertThat(archive.launch().training()).isTrue();
    }

    @Test
    void aFirstRunThatFailsToStartLeavesNothing() {
        ClassDataArchive archive = ClassDataArchive.forRunner(jar, JVM);
        ServiceProcess training = launch(archive.launch(), "crash");

        assertThatThrownBy(() -> training.awaitReady(WAIT)).isInstanceOf(StackException.class);
        assertThat(training.awaitStopped(WAIT)).isTrue();
        assertThat(filesBesideTheJar()).containsExactly("quarkus-run.jar");
    }

    @Test
    void aRebuildOrAnotherJvmNeedsAnArchiveOfItsOwnAndTheOldOnesGo() throws Exception {
        ClassDataArchive before = ClassDataArchive.forRunner(jar, JVM);
        Files.writeString(before.path(), "an archive of the earlier build");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        ClassDataArchive rebuilt = ClassDataArchive.forRunner(jar, JVM);
        assertThat(rebuilt.path()).isNotEqualTo(before.path());
        assertThat(ClassDataArchive.forRunner(jar, "21.0.4+7-LTS").path()).isNotEqualTo(rebuilt.path());
        assertThat(rebuilt.path().getFileName().toString()).matches("tousu-cds-[A-Za-z0-9._-]+\\.jsa");

        ServiceProcess training = launch(rebuilt.launch(), "ok");
        training.awaitReady(WAIT);
        training.requestStop();
        assertThat(training.awaitStopped(WAIT)).isTrue();

        assertThat(filesBesideTheJar()).containsExactlyInAnyOrder("quarkus-run.jar",
                rebuilt.path().getFileName().toString());
    }

    @Test
    void trainingFilesLeftByADeadStackGoWhenTheNextTrainingStarts() throws Exception {
        ClassDataArchive archive = ClassDataArchive.forRunner(jar, JVM);
        Path abandoned = archive.path().resolveSibling(archive.path().getFileName() + ".dead-stack.training");
        Path inProgress = archive.path().resolveSibling(archive.path().getFileName() + ".other-stack.training");
        Files.writeString(abandoned, "half an archive");
        Files.writeString(inProgress, "being written");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now()
                .minus(ClassDataArchive.ABANDONED_AFTER).minusSeconds(60)));

        assertThat(archive.launch().training()).isTrue();

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
    }

    private ServiceProcess launch(ClassDataArchive.Launch classData, String mode, String... moreJvmOptions) {
        int port = Ports.freePort();
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx32m"));
        jvmOptions.addAll(classData.jvmOptions());
        jvmOptions.addAll(List.of(moreJvmOptions));
        List<String> command = ServiceProcess.command(JAVA, jvmOptions, Map.of("quarkus.http.host", "127.0.0.1",
                "quarkus.http.port", String.valueOf(port), "fake.mode", mode), jar);
        ServiceProcess process = new ServiceProcess(Service.INTAKE, command, Map.of(), home,
                home.resolve("logs/intake-" + processes.size() + ".log"), URI.create("http://127.0.0.1:" + port),
                HttpClient.newHttpClient(), classData);
        processes.add(process);
        process.launch(false);
        return process;
    }

    private List<String> filesBesideTheJar() {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.map(file -> file.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
