package checkpointlab;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Counting animals: the Checkpoint Lab scenario "default" (seed 1) as a Flink job.
 *
 * Two source subtasks read four partitions of the "animals" topic; a map passes each sighting on; keyBy routes it to the Keyed Count subtask that owns the animal's key group; the sink receives the running counts.
 *
 * Run: ./bin/flink run -c checkpointlab.DefaultJob target/checkpoint-lab-default-1.0.jar --conf-dir <project directory>
 */
public class DefaultJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Animals: topic "animals", 4 partitions x 0.8 records/s = 3.2 records/s,
        // 6 keys, uniform, values 1..10.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(new String[] {"Lion", "Tiger", "Bear", "Wolf", "Fox", "Eagle"}, 4, false, 1.1, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(3.2),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Animals")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Map (map): source -forward->
        DataStream<LabEvent> mapStream = sourceStream.forward()
                .map(new MapValue("identity"))
                .name("Map")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Keyed Count (keyed-count): map -hash->
        DataStream<LabEvent> countStream = mapStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedCount())
                .name("Keyed Count")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Sink: Counts (sink, plain): count -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        countStream.forward().print()
                .name("Sink: Counts")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Counting animals");
    }
}
