import { javaFile, type JavaClass } from './source';

// How a LabEvent becomes the value of a Kafka record: its text, UTF-8, keyed by the lab's key.

export function labEventSchemaClass(): JavaClass {
  return javaFile('LabEventSchema', ['org.apache.flink.api.common.serialization.SerializationSchema', 'java.nio.charset.StandardCharsets'], [
    '/** A LabEvent as UTF-8 text: "key=value (partition p, offset o)". */',
    'public class LabEventSchema implements SerializationSchema<LabEvent> {',
    '    @Override',
    '    public byte[] serialize(LabEvent event) {',
    '        return event.toString().getBytes(StandardCharsets.UTF_8);',
    '    }',
    '}',
  ]);
}
