package checkpointlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A lab source's log as a generator function: index i is record i / partitions of partition
 * i % partitions. Keys are chosen uniformly, or Zipf-skewed with exponent `skew`, from the same
 * 32-bit hash of (seed, partition, offset) the lab uses; values are 1..maxValue.
 */
public class LabLog implements GeneratorFunction<Long, LabEvent> {
    private static final long serialVersionUID = 1L;

    private final String[] keys;
    private final int partitions;
    private final boolean skewed;
    private final double skew;
    private final long maxValue;
    private final int logSeed;
    private transient double[] zipfCdf;

    public LabLog(String[] keys, int partitions, boolean skewed, double skew, long maxValue, int labSeed, int sourceIndex) {
        this.keys = keys;
        this.partitions = partitions;
        this.skewed = skewed;
        this.skew = skew;
        this.maxValue = maxValue;
        // each source of the lab has its own log: int arithmetic wraps as the lab's does
        this.logSeed = labSeed * 31 + sourceIndex;
    }

    @Override
    public LabEvent map(Long index) {
        int partition = (int) (index % partitions);
        long offset = index / partitions;
        String key = keys[keyIndex(unit(logSeed, partition, (int) offset))];
        long value = 1 + (long) Math.floor(unit(logSeed ^ 0x51ed27, partition, (int) offset) * maxValue);
        return new LabEvent(key, value, partition, offset);
    }

    /** A number in [0, 1) from three ints: the lab's hash, step by step. */
    static double unit(int a, int b, int c) {
        int h = (a ^ 0x9e3779b9) * 0x85ebca6b;
        h = (h ^ (h >>> 13) ^ b) * 0xc2b2ae35;
        h = (h ^ (h >>> 16) ^ (c * 0x27d4eb2f)) * 0x165667b1;
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return (h & 0xffffffffL) / 4294967296.0;
    }

    private int keyIndex(double u) {
        int n = keys.length;
        if (!skewed || skew == 0) {
            return Math.min(n - 1, (int) Math.floor(u * n));
        }
        if (zipfCdf == null) {
            zipfCdf = cumulativeZipf(n, skew);
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The keys k0, k1, ..., k(n-1), as the lab names generated keys. */
    public static String[] numberedKeys(int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "k" + i;
        }
        return keys;
    }

    /** A long key list from a resource of the jar: one percent-encoded key a line. */
    public static String[] keysFromResource(String name) throws IOException {
        try (InputStream in = LabLog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the jar has no resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> keys = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    keys.add(URLDecoder.decode(line, StandardCharsets.UTF_8));
                }
            }
            return keys.toArray(new String[0]);
        }
    }

    /** P(rank <= i) when rank r is drawn with weight 1 / r^s. */
    static double[] cumulativeZipf(int n, double s) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / Math.pow(i + 1, s);
        }
        double[] cdf = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += 1 / Math.pow(i + 1, s) / total;
            cdf[i] = acc;
        }
        return cdf;
    }
}
