package io.moderato;

import io.quarkus.scheduler.Scheduled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every scheduled task of the service is skipped while the application starts or stops. Quarkus closes the database
 * before it stops the scheduler, and a stop can take seconds (Kafka's consumers close): a task that fired meanwhile
 * logged an error with its stack trace at every shutdown, ten of them after the Kafka profile's tests.
 */
class ScheduledTasksTest {

    @Test
    void everyScheduledTaskIsSkippedWhileTheServiceIsNotRunning() throws Exception {
        List<Method> tasks = scheduledMethods();
        assertFalse(tasks.isEmpty(), "no @Scheduled method found under target/classes");
        List<String> unguarded = new ArrayList<>();
        for (Method task : tasks) {
            for (Scheduled scheduled : task.getAnnotationsByType(Scheduled.class)) {
                if (scheduled.skipExecutionIf() != Scheduled.ApplicationNotRunning.class) {
                    unguarded.add(task.getDeclaringClass().getSimpleName() + "." + task.getName());
                }
            }
        }
        assertEquals(List.of(), unguarded, "declare skipExecutionIf = Scheduled.ApplicationNotRunning.class");
    }

    private static List<Method> scheduledMethods() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Method> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ScheduledTasksTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getAnnotationsByType(Scheduled.class).length > 0) {
                        found.add(method);
                    }
                }
            }
        }
        return found;
    }
}
