package io.moderato.classification;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideTaskTest {

    @RepeatedTest(20)
    void theWorkRunsExactlyOnceWhoeverTakesIt() {
        AtomicInteger runs = new AtomicInteger();
        SideTask<Integer> task = SideTask.offer(runs::incrementAndGet);
        assertEquals(1, task.join());
        assertEquals(1, task.join());
        assertEquals(1, runs.get());
    }

    @Test
    void aHelperTakesTheWorkWhileTheCallerIsBusy() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        SideTask<Thread> task = SideTask.offer(() -> {
            started.countDown();
            return Thread.currentThread();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertNotEquals(caller, task.join());
    }

    @Test
    void theCallerDoesTheWorkWhenNoHelperIsFree() throws Exception {
        int helpers = Runtime.getRuntime().availableProcessors();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(helpers);
        for (int i = 0; i < helpers; i++) {
            SideTask.offer(() -> {
                busy.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        try {
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            SideTask<Thread> queued = SideTask.offer(Thread::currentThread);
            assertSame(Thread.currentThread(), queued.join());
        } finally {
            release.countDown();
        }
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        SideTask<Object> failing = SideTask.offer(() -> {
            throw new IllegalArgumentException("bad input");
        });
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, failing::join);
        assertEquals("bad input", thrown.getMessage());
    }
}
