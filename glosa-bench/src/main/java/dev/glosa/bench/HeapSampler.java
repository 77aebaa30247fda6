package dev.glosa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a piece of work uses: in use before it (after a full GC), the highest in use sampled every millisecond
 * during it, and the sum of the heap pools' peaks (an upper bound: pools peak at different moments).
 */
final class HeapSampler {
    private final Runtime rt = Runtime.getRuntime();
    private final AtomicLong sampled = new AtomicLong();
    private final long baseline;
    private final Thread thread;

    private HeapSampler() {
        System.gc();
        baseline = rt.totalMemory() - rt.freeMemory();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        sampled.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Collects garbage, notes the heap in use and starts sampling. */
    static HeapSampler start() {
        return new HeapSampler();
    }

    /** The heap in use when sampling started, in bytes. */
    long baseline() {
        return baseline;
    }

    /** Stops sampling. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    /** The highest heap in use sampled, in bytes. */
    long sampledPeak() {
        return sampled.get();
    }

    /** The sum of the heap pools' peaks since sampling started, in bytes. */
    long poolPeaksSum() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
