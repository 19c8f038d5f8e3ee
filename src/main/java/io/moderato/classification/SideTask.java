package io.moderato.classification;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Work offered to a helper thread while the caller does something else, and done by the caller itself when no helper
 * has taken it by the time the caller needs it: the caller never waits for a queue, only for work already under way,
 * so a busy pool costs the overlap and nothing more.
 *
 * @param <T> what the work gives
 */
final class SideTask<T> {

    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable runnable) {
                    Thread thread = new Thread(runnable, "classifier-helper-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    private final Supplier<T> work;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private SideTask(Supplier<T> work) {
        this.work = work;
    }

    /**
     * @param work what to do
     * @param <T>  what it gives
     * @return the task, offered to a helper
     */
    static <T> SideTask<T> offer(Supplier<T> work) {
        SideTask<T> task = new SideTask<>(work);
        HELPERS.execute(task::runOnHelper);
        return task;
    }

    private void runOnHelper() {
        if (taken.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        try {
            result.complete(work.get());
        } catch (Throwable failure) {
            result.completeExceptionally(failure);
        }
    }

    /**
     * @return what the work gave: done here if no helper took it, else waited for
     * @throws RuntimeException what the work threw
     */
    T join() {
        if (taken.compareAndSet(false, true)) {
            run();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
