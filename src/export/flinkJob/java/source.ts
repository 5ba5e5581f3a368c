import { JAVA_PACKAGE } from '../versions';

// A Java source file of the exported job, under src/main/java/<package>/.

export interface JavaClass {
  name: string;
  text: string;
}

export const javaPath = (name: string) => `src/main/java/${JAVA_PACKAGE}/${name}.java`;

export function javaFile(name: string, imports: readonly string[], body: readonly string[]): JavaClass {
  const sortedImports = [...new Set(imports)].sort();
  const lines = [
    `package ${JAVA_PACKAGE};`,
    '',
    ...(sortedImports.length ? [...sortedImports.map((i) => `import ${i};`), ''] : []),
    ...body,
  ];
  return { name, text: `${lines.join('\n')}\n` };
}
