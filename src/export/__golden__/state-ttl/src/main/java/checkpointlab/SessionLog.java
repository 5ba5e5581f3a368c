package checkpointlab;

import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A lab source's log of ever-new keys as a generator function: index i is record i / partitions
 * of partition i % partitions, and its key is the session id "s<partition>.<offset / recordsPerSession>":
 * each session is the key of recordsPerSession consecutive records of a partition, then never again.
 * Values are 1..maxValue from the same 32-bit hash as LabLog's.
 */
public class SessionLog implements GeneratorFunction<Long, LabEvent> {
    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final long recordsPerSession;
    private final long maxValue;
    private final int logSeed;

    public SessionLog(int partitions, long recordsPerSession, long maxValue, int labSeed, int sourceIndex) {
        this.partitions = partitions;
        this.recordsPerSession = recordsPerSession;
        this.maxValue = maxValue;
        // as LabLog: each source of the lab has its own log, int arithmetic wraps as the lab's does
        this.logSeed = labSeed * 31 + sourceIndex;
    }

    @Override
    public LabEvent map(Long index) {
        int partition = (int) (index % partitions);
        long offset = index / partitions;
        String key = "s" + partition + "." + (offset / recordsPerSession);
        long value = 1 + (long) Math.floor(LabLog.unit(logSeed ^ 0x51ed27, partition, (int) offset) * maxValue);
        return new LabEvent(key, value, partition, offset);
    }
}
