import type { ProjectFile } from '../files';
import type { JobModel } from './jobModel';
import { FLINK_VERSION, JAVA_PACKAGE, JAVA_RELEASE, KAFKA_CONNECTOR_VERSION } from './versions';

// pom.xml: Flink itself at `provided` scope (the cluster has it), the connectors bundled into the
// job's jar by the shade plugin (the cluster does not have them).

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/--/g, '- -');
}

const dependency = (artifactId: string, version: string, scope?: string) => [
  '    <dependency>',
  '      <groupId>org.apache.flink</groupId>',
  `      <artifactId>${artifactId}</artifactId>`,
  `      <version>${version}</version>`,
  ...(scope ? [`      <scope>${scope}</scope>`] : []),
  '    </dependency>',
];

export function usesKafka(model: JobModel): boolean {
  return model.operators.some((o) => o.sinkKind === 'two-phase-commit');
}

export function pomXml(model: JobModel): ProjectFile {
  const kafka = usesKafka(model);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- Exported from Checkpoint Lab: scenario "${xmlText(model.scenario.id)}". -->`,
    '<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">',
    '  <modelVersion>4.0.0</modelVersion>',
    '',
    '  <groupId>checkpointlab</groupId>',
    `  <artifactId>${model.artifactId}</artifactId>`,
    '  <version>1.0</version>',
    '  <packaging>jar</packaging>',
    `  <name>${xmlText(model.scenario.title)}</name>`,
    '',
    '  <properties>',
    '    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>',
    `    <maven.compiler.release>${JAVA_RELEASE}</maven.compiler.release>`,
    `    <flink.version>${FLINK_VERSION}</flink.version>`,
    ...(kafka ? [`    <flink.kafka.connector.version>${KAFKA_CONNECTOR_VERSION}</flink.kafka.connector.version>`] : []),
    '  </properties>',
    '',
    '  <dependencies>',
    '    <!-- Flink itself: provided by the cluster, not bundled. -->',
    ...dependency('flink-streaming-java', '${flink.version}', 'provided'),
    ...dependency('flink-clients', '${flink.version}', 'provided'),
    '    <!-- Connectors: not on the cluster\'s classpath, so bundled into the job\'s jar. -->',
    ...dependency('flink-connector-datagen', '${flink.version}'),
    ...(kafka ? dependency('flink-connector-kafka', '${flink.kafka.connector.version}') : []),
    '  </dependencies>',
    '',
    '  <build>',
    '    <plugins>',
    '      <plugin>',
    '        <groupId>org.apache.maven.plugins</groupId>',
    '        <artifactId>maven-shade-plugin</artifactId>',
    '        <version>3.6.0</version>',
    '        <executions>',
    '          <execution>',
    '            <phase>package</phase>',
    '            <goals><goal>shade</goal></goals>',
    '            <configuration>',
    '              <createDependencyReducedPom>false</createDependencyReducedPom>',
    '              <artifactSet>',
    '                <excludes>',
    '                  <exclude>org.slf4j:*</exclude>',
    '                  <exclude>org.apache.logging.log4j:*</exclude>',
    '                  <exclude>com.google.code.findbugs:jsr305</exclude>',
    '                </excludes>',
    '              </artifactSet>',
    '              <filters>',
    '                <filter>',
    '                  <artifact>*:*</artifact>',
    '                  <excludes>',
    '                    <exclude>META-INF/*.SF</exclude>',
    '                    <exclude>META-INF/*.DSA</exclude>',
    '                    <exclude>META-INF/*.RSA</exclude>',
    '                  </excludes>',
    '                </filter>',
    '              </filters>',
    '              <transformers>',
    '                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>',
    '                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">',
    `                  <mainClass>${JAVA_PACKAGE}.${model.mainClass}</mainClass>`,
    '                </transformer>',
    '              </transformers>',
    '            </configuration>',
    '          </execution>',
    '        </executions>',
    '      </plugin>',
    '    </plugins>',
    '  </build>',
    '</project>',
  ];
  return { path: 'pom.xml', text: `${lines.join('\n')}\n` };
}
