import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

// Who may import whom (README, "Architecture"). The folder rules below are checked on the path an
// import resolves to, so they hold at any depth and for every spelling of the path: static imports,
// `import type`, re-exports, `import()` calls, `require()`, and inline `import('…')` types.
//
//   src/ui ────────► src/store ────────► src/lessons ────────► src/engine
//     │                  └──────────────────────────────────────►  ▲
//     └──── only src/engine/index.ts and src/engine/view/** ───────┤
//   src/cli ───────────────────────────────────────────────────────┘

const ROOT = import.meta.dirname;

// import-x's no-restricted-paths reads the source of import declarations, re-exports and import()
// calls, but not TypeScript's inline `import('…')` types. This wrapper hands those to the same check:
// a TSImportType node carries its path in `source`, as an import declaration does.
function alsoCheckImportTypes(rule) {
  return {
    ...rule,
    create(context) {
      const visitors = rule.create(context);
      const check = visitors.ImportDeclaration;
      return check ? { ...visitors, TSImportType: (node) => check(node) } : visitors;
    },
  };
}
const layers = { rules: { 'no-restricted-paths': alsoCheckImportTypes(importX.rules['no-restricted-paths']) } };

const ENGINE_IS_PURE = 'src/engine imports only src/engine (and zod): it is plain TypeScript that runs the same in Node, in the browser and in tests.';
const LESSONS = 'src/lessons imports only the engine: lessons are data about a simulation, not UI or store code.';
const STORE = 'src/store imports the engine, the lessons and libraries; never the UI or the CLI.';
const UI_ENGINE = 'src/ui reads the engine through src/engine/index.ts (types, pure selectors and view functions) or src/engine/view/**; engine internals stay behind the index. The running simulation lives in the store.';
const CLI = 'src/cli runs on the engine alone: it never imports the store or the UI.';
const EXPORT = 'src/export imports only the engine and libraries: exporters are pure functions the CLI and the page both call.';
const SEEDED = 'The engine is deterministic: seed + scenario + commands replay a run exactly.';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts', 'src/i18n/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Layers by folder. (Import cycles are checked by src/lint/cycles.test.ts, which also sees
    // type-only cycles; import-x/no-cycle saw only run-time ones and made lint markedly slower.)
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, layers },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.node'] })],
    },
    rules: {
      'layers/no-restricted-paths': ['error', {
        basePath: ROOT,
        zones: [
          { target: './src/engine', from: './', except: ['./src/engine', './node_modules/zod', './node_modules/vitest', './node_modules/fast-check'], message: ENGINE_IS_PURE },
          { target: './src/lessons', from: './', except: ['./src/lessons', './src/engine', './node_modules'], message: LESSONS },
          { target: './src/store', from: './', except: ['./src/store', './src/engine', './src/lessons', './node_modules'], message: STORE },
          { target: './src/ui', from: './src/engine', except: ['./index.ts', './view'], message: UI_ENGINE },
          { target: './src/ui', from: ['./src/cli', './src/lessons'], message: 'src/ui reaches the CLI never, and lessons only through the store.' },
          { target: './src/cli', from: ['./src/store', './src/ui'], message: CLI },
          { target: './src/export', from: './', except: ['./src/export', './src/engine', './node_modules'], message: EXPORT },
        ],
      }],
    },
  },
  {
    // Node's built-in modules do not resolve to a path, so the folder rule cannot see them. Tests
    // run only in Node and may read files.
    files: ['src/engine/**/*.ts', 'src/lessons/**/*.ts', 'src/export/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/lessons/cli.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': ['error'] },
  },
  {
    files: ['src/engine/**/*.ts', 'src/lessons/**/*.ts'],
    // the lesson checker's command line is a Node entry point (argv, stdout, exit code), like src/cli
    ignores: ['src/lessons/cli.ts'],
    rules: {
      // The engine has no clock and no randomness of its own: time is simulated, random numbers
      // come from the seeded PRNG in the simulation state (src/engine/sim/rng.ts).
      'no-restricted-globals': ['error',
        { name: 'Date', message: `No Date in the engine (new Date, Date.now, …): it has only simulated time, state.now. ${SEEDED}` },
        { name: 'performance', message: `No performance.now in the engine: it has only simulated time, state.now. ${SEEDED}` },
        { name: 'crypto', message: `No crypto in the engine: random numbers come from the seeded PRNG (sim/rng.ts). ${SEEDED}` },
        { name: 'globalThis', message: `No globalThis in the engine: it is how a clock, Math.random or the DOM would sneak in. ${SEEDED}` },
        { name: 'window', message: 'No window in the engine: it runs in Node too, and the DOM belongs to src/ui.' },
        { name: 'self', message: 'No self in the engine: it runs in Node too, and the DOM belongs to src/ui.' },
        { name: 'global', message: 'No global in the engine: it runs in the browser too.' },
        { name: 'process', message: 'No process in the engine: it runs in the browser too; the CLI reads the environment.' },
        { name: 'document', message: 'No document in the engine: the DOM belongs to src/ui.' },
        { name: 'setTimeout', message: 'No timers in the engine: schedule an event on the simulated clock (sim/eventQueue.ts).' },
        { name: 'setInterval', message: 'No timers in the engine: schedule an event on the simulated clock (sim/eventQueue.ts).' },
        { name: 'setImmediate', message: 'No timers in the engine: schedule an event on the simulated clock (sim/eventQueue.ts).' },
        { name: 'requestAnimationFrame', message: 'No animation frames in the engine: animation belongs to src/ui.' },
      ],
      // Math.random, Math['random'] and `const { random } = Math`.
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: `No Math.random in the engine: use the seeded PRNG in the simulation state (nextRandom in sim/rng.ts). ${SEEDED}` },
      ],
      'no-restricted-syntax': ['error',
        {
          // globalThis.Math.random, window.Math.random, x['Math']['random'] …
          selector: "MemberExpression[object.type='MemberExpression'][object.property.name='Math'][property.name='random'], MemberExpression[object.type='MemberExpression'][object.property.value='Math'][property.value='random'], MemberExpression[object.type='MemberExpression'][object.property.name='Math'][property.value='random'], MemberExpression[object.type='MemberExpression'][object.property.value='Math'][property.name='random']",
          message: `No Math.random in the engine, under any name: use the seeded PRNG in the simulation state (nextRandom in sim/rng.ts). ${SEEDED}`,
        },
        {
          // const M = Math; M.random()  — Math is used only as Math.something
          selector: "VariableDeclarator[id.type='Identifier'][init.type='Identifier'][init.name='Math'], AssignmentExpression[right.type='Identifier'][right.name='Math']",
          message: `Do not alias Math in the engine (an alias hides Math.random from this check). ${SEEDED}`,
        },
      ],
    },
  },
  {
    // The UI may read the engine's index, but running or changing a simulation is the store's job.
    // main.tsx builds the store and a test hook, so it is the one exception; tests may set up runs.
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/main.tsx', 'src/ui/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^|/)engine(/index(\\.ts)?)?$',
          importNames: ['Simulation', 'createInitialState', 'restoreJob', 'applyCommand', 'RunRecorder'],
          message: 'src/ui does not run or change a simulation itself: call a store action (src/store).',
        }],
      }],
    },
  },
);
