import { parseScenario, type ScenarioSpec } from '../../engine';
import type { ProjectFile } from '../files';
import { configYaml } from './config';
import { labEventClass } from './java/event';
import { functionClasses } from './java/functions';
import { jobClass } from './java/job';
import { labEventSchemaClass } from './java/kafkaSchema';
import { labLogClass } from './java/labLog';
import { keyResources } from './java/keys';
import { sessionLogClass } from './java/sessionLog';
import { operatorTtl } from './java/stateTtl';
import { javaPath } from './java/source';
import { buildJobModel, type ExportOptions } from './jobModel';
import { pomXml, usesKafka } from './pom';
import { projectReadme } from './readme';

/**
 * A scenario as a Maven project for Flink 2.x: pom.xml, the DataStream job under src/main/java,
 * config.yaml and README.md. Pure: the same scenario and options give the same files, sorted by path.
 * The scenario is checked first (as the lab checks a file); a bad one throws ScenarioError.
 */
export function flinkProject(scenario: unknown, options: ExportOptions = {}): ProjectFile[] {
  const spec: ScenarioSpec = parseScenario(scenario);
  const model = buildJobModel(spec, options);
  const classes = [
    jobClass(model),
    labEventClass(),
    ...(spec.operators.some((o) => o.kind === 'source') ? [labLogClass()] : []),
    ...(spec.operators.some((o) => o.kind === 'source' && o.recordsPerSession !== undefined) ? [sessionLogClass()] : []),
    ...functionClasses(spec.operators.map((o) => o.kind), new Set(spec.operators.filter((o) => operatorTtl(o) !== undefined).map((o) => o.kind))),
    ...(usesKafka(model) ? [labEventSchemaClass()] : []),
  ];
  const files: ProjectFile[] = [
    pomXml(model),
    configYaml(model),
    projectReadme(model),
    ...classes.map((c) => ({ path: javaPath(c.name), text: c.text })),
    ...keyResources(model),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
