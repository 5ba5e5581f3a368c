// The versions an exported project builds against. Flink 2.3.0 is out (June 2026), but the newest
// Kafka connector build is 5.0.0-2.2 (for Flink 2.2.x): connectors are released apart from Flink,
// and a connector built for one minor line is only promised to work on that line. So the project
// targets the newest Flink with a matching Kafka connector. Bump both together.

export const FLINK_VERSION = '2.2.1';
export const KAFKA_CONNECTOR_VERSION = '5.0.0-2.2';
/** Flink 2.x runs on Java 11, 17 and 21; 17 is the default of its Docker images. */
export const JAVA_RELEASE = 17;
export const JAVA_PACKAGE = 'checkpointlab';
