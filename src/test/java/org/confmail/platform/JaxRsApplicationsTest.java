package org.confmail.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The WAR holds more than one JAX-RS application (the API under /api/v1, Jitsi Meet's calls under /jitsi). An
 * application whose getClasses() is empty serves every resource and provider of the WAR, so each lists its own:
 * this test finds every resource and provider class and checks that exactly one application lists it. A new
 * resource that fails here belongs in its application's getClasses().
 */
class JaxRsApplicationsTest {

    @Test
    void everyResourceAndProviderBelongsToExactlyOneApplication() throws Exception {
        List<Class<?>> classes = compiledClasses();
        List<Application> applications = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Application.class.isAssignableFrom(type) && type.isAnnotationPresent(ApplicationPath.class)) {
                applications.add((Application) type.getDeclaredConstructor().newInstance());
            }
        }
        assertTrue(applications.size() >= 2, "the API's and Jitsi's applications: " + applications);
        Map<String, List<String>> owners = new TreeMap<>();
        for (Application application : applications) {
            assertFalse(application.getClasses().isEmpty(), application.getClass() + " lists its classes");
            application.getClasses().forEach(type -> owners.computeIfAbsent(type.getName(), k -> new ArrayList<>())
                    .add(application.getClass().getSimpleName()));
        }
        for (Class<?> type : classes) {
            if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                assertEquals(1, owners.getOrDefault(type.getName(), List.of()).size(),
                        type.getName() + " must be listed by exactly one application's getClasses(): "
                                + owners.get(type.getName()));
            }
        }
    }

    private static List<Class<?>> compiledClasses() throws IOException, ClassNotFoundException {
        java.nio.file.Path root;
        try {
            root = Paths.get(ConfmailApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        JaxRsApplicationsTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
