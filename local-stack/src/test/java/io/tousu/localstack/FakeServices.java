package io.tousu.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Puts a runnable {@link FakeService} jar where a checkout keeps a packaged service. */
final class FakeServices {

    private FakeServices() {
    }

    /** Writes {@code <home>/<module>/target/quarkus-app/quarkus-run.jar} for each service. */
    static void install(Path home, Service... services) throws IOException {
        for (Service service : services) {
            Path jar = service.runnerJar(home);
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
            String entry = FakeService.class.getName().replace('.', '/') + ".class";
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
                out.putNextEntry(new JarEntry(entry));
                classFile.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
