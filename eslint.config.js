import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The engine is pure: it runs the same in Node and the browser, with no clock and no randomness.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../*', '../../../*', '../../../../*', '@/*', 'src/*'], message: 'src/engine may import only from src/engine.' },
          { group: ['react', 'react-dom', 'zustand', 'zustand/*', 'motion', 'motion/*', '@xyflow/*', 'node:*', 'fs', 'path'], message: 'src/engine is pure TypeScript: no UI, store or Node imports.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'performance', 'setTimeout', 'setInterval', 'requestAnimationFrame'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG in the simulation state.' },
        { object: 'Date', property: 'now', message: 'The engine has only simulated time.' },
      ],
    },
  },
  {
    // Files at the top of src/engine reach outside it with a single "../".
    files: ['src/engine/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../*', '@/*', 'src/*'], message: 'src/engine may import only from src/engine.' },
          { group: ['react', 'react-dom', 'zustand', 'zustand/*', 'motion', 'motion/*', '@xyflow/*', 'node:*', 'fs', 'path'], message: 'src/engine is pure TypeScript: no UI, store or Node imports.' },
        ],
      }],
    },
  },
);
